import Foundation
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftTestSupport

@testable import UpshiftStore

/// The SQLite store against a real database: migrations, WAL, the transition table, history.
@Suite struct AppDatabaseTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let migrations = [
        "0001_initial", "0002_one_live_request_per_torrent", "0003_outbox_and_retry_clocks", "0004_probe_results",
        "0005_guids_without_key_like_path_segments",
    ]

    static func request(_ id: String = "req1", state: ApprovalState = .pending, name: String = "Heat.1995.2160p.DV.FEL-GRP")
        -> ApprovalRequest
    {
        ApprovalRequest(
            id: id, movieID: "plex:1", movieTitle: "Heat", year: 1995, releaseName: name, releaseGUID: "g-\(id)",
            torrentURL: "https://tracker/download.php/1/x.torrent?torrent_pass=********", targetFolder: "/movies/Heat (1995)",
            kind: .fel, reason: "P7 FEL release.", gains: ["P5 → P7 FEL", "+ Atmos"],
            current: Quality(resolution: .r2160p, dv: true, dvProfile: .p5),
            new: Quality(resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, atmos: true),
            sizeBytes: 80_000_000_000, torrentHash: "hash-\(id)", state: state, createdAt: t0,
            expiresAt: t0.addingTimeInterval(86_400))
    }

    @Test func fileDatabaseIsWALAndMigrated() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            let db = try AppDatabase.open(path: path)
            #expect(try await db.journalMode() == "wal")
            #expect(try await db.appliedMigrations() == Self.migrations)
            try await db.insertRequest(Self.request(), torrent: Data("t".utf8))
            // Reopening keeps the data and does not migrate twice.
            let again = try AppDatabase.open(path: path)
            #expect(try await again.request(id: "req1")?.movieTitle == "Heat")
            #expect(try await again.appliedMigrations() == Self.migrations)
        }
    }

    @Test func openingInAMissingFolderNamesTheFile() throws {
        #expect {
            try AppDatabase.open(path: "/nonexistent-upshift-folder/db.sqlite")
        } throws: { error in
            String(describing: error).contains("/nonexistent-upshift-folder/db.sqlite")
        }
    }

    @Test func requestRoundTripsEveryField() async throws {
        let db = try AppDatabase.inMemory()
        var request = Self.request()
        request.message = MessageRef(chatID: "-100123", messageID: 77)
        request.lastError = "boom"
        request.attempts = 2
        request.nextAttemptAt = Self.t0.addingTimeInterval(30)
        try await db.insertRequest(request, torrent: Data([0x64, 0x65]))
        let read = try #require(try await db.request(id: "req1"))
        #expect(read == request)
        #expect(try await db.torrent(requestID: "req1") == Data([0x64, 0x65]))
    }

    @Test func approveIsIdempotentAndWritesHistoryOnce() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request(), torrent: Data())
        let first = try await db.apply(.approve, to: "req1", at: Self.t0, by: "telegram", error: nil)
        #expect(first.outcome == .moved(to: .approved))
        #expect(first.request.decidedBy == "telegram")
        let second = try await db.apply(.approve, to: "req1", at: Self.t0, by: "api", error: nil)
        #expect(second.outcome == .unchanged)
        #expect(second.request.decidedBy == "telegram")
        #expect(try await db.history(limit: 10).map(\.status) == ["approved"])

        _ = try await db.apply(.startDownload, to: "req1", at: Self.t0.addingTimeInterval(5), by: nil, error: nil)
        _ = try await db.apply(.complete, to: "req1", at: Self.t0.addingTimeInterval(60), by: nil, error: nil)
        let history = try await db.history(limit: 10)
        #expect(history.count == 1)
        #expect(history[0].status == "completed")
        #expect(history[0].torrentHash == "hash-req1")
        #expect(history[0].completedAt == Self.t0.addingTimeInterval(60))
        #expect(try await db.request(id: "req1")?.progress == 1)
    }

    @Test func lateAnswersAreRefused() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request(), torrent: Data())
        _ = try await db.apply(.expire, to: "req1", at: Self.t0, by: "expiry", error: nil)
        let late = try await db.apply(.approve, to: "req1", at: Self.t0, by: "api", error: nil)
        #expect(late.outcome == .refused(.expired))
        await #expect(throws: ApprovalError.notFound("nope")) {
            try await db.apply(.approve, to: "nope", at: Self.t0, by: nil, error: nil)
        }
    }

    @Test func errorsKeepTheirMessageInHistory() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request(state: .approved), torrent: Data())
        _ = try await db.apply(.fail, to: "req1", at: Self.t0, by: nil, error: "not a torrent")
        let entry = try #require(try await db.history(limit: 1).first)
        #expect(entry.status == "error")
        #expect(entry.errorMessage == "not a torrent")
        #expect(try await db.request(id: "req1")?.lastError == "not a torrent")
    }

    @Test func liveRequestFindsOpenOnesOnly() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request("a"), torrent: Data())
        #expect(try await db.liveRequest(torrentHash: "hash-a", releaseName: "x")?.id == "a")
        #expect(try await db.liveRequest(torrentHash: "x", releaseName: "Heat.1995.2160p.DV.FEL-GRP")?.id == "a")
        _ = try await db.apply(.skip, to: "a", at: Self.t0, by: "api", error: nil)
        #expect(try await db.liveRequest(torrentHash: "hash-a", releaseName: "x") == nil)
    }

    @Test func libraryIsReplacedWholeAndKeepsOrder() async throws {
        let db = try AppDatabase.inMemory()
        #expect(try await db.lastLibraryScan() == nil)
        let movies = [
            LibraryMovie(id: "2", title: "Heat", year: 1995, tmdbId: 949, quality: Quality(resolution: .r2160p, dv: true)),
            LibraryMovie(id: "1", title: "Alien", year: 1979, imdbId: "tt0078748"),
        ]
        try await db.replaceLibrary(movies, source: "Plex", scannedAt: Self.t0)
        #expect(try await db.libraryMovies() == movies)
        #expect(try await db.lastLibraryScan() == Self.t0)
        try await db.replaceLibrary([movies[1]], source: "Plex", scannedAt: Self.t0.addingTimeInterval(10))
        #expect(try await db.libraryMovies() == [movies[1]])
    }

    @Test func releasesAreRememberedByGUID() async throws {
        let db = try AppDatabase.inMemory()
        let parsed = ReleaseNameParser.parse("Heat.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-GRP")
        let record = ReleaseRecord(
            guid: "7123456", feed: "https://t/rss?tp=********", name: parsed.name, link: "https://t/d/7123456",
            sizeBytes: 80, category: "Movie/4K", publishedAt: Self.t0, seeders: nil, seenAt: Self.t0, parsed: parsed,
            movieID: "2", movieTitle: "Heat", decision: Decision(notify: true, kind: .fel, reason: "r", gains: ["g"]),
            requestID: "req1")
        try await db.recordRelease(record)
        #expect(try await db.unseenGUIDs(["7123456", "other"]) == ["other"])
        #expect(try await db.recentReleases(limit: 5) == [record])
    }
}

extension AppDatabaseTests {
    @Test func oneLiveRequestPerTorrent() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request("a"), torrent: Data())
        var twin = Self.request("b", name: "Another.Name")
        twin.torrentHash = "hash-a"
        await #expect(throws: ApprovalError.alreadyRequested("hash-a")) {
            try await db.insertRequest(twin, torrent: Data())
        }
        _ = try await db.apply(.skip, to: "a", at: Self.t0, by: "api", error: nil)
        try await db.insertRequest(twin, torrent: Data())  // a skipped one does not block a new question
        #expect(try await db.request(id: "b") != nil)
    }

    @Test func bookkeepingNeverOverwritesAMovedRequest() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(Self.request(), torrent: Data("t".utf8))
        let failed = try await db.recordFailure(
            for: "req1", in: .pending, error: "Telegram down", at: Self.t0, backoff: Backoff(base: 10, cap: 100))
        #expect(failed?.attempts == 1)
        #expect(failed?.nextAttemptAt == Self.t0.addingTimeInterval(10))
        let sent = try await db.recordMessage(MessageRef(chatID: "42", messageID: 7), for: "req1")
        #expect(sent?.message == MessageRef(chatID: "42", messageID: 7))
        #expect(sent?.attempts == 0 && sent?.lastError == nil)
        _ = try await db.apply(.approve, to: "req1", at: Self.t0, by: "api", error: nil)
        // A late send result or failure for the pending step changes nothing now.
        #expect(try await db.recordMessage(MessageRef(chatID: "42", messageID: 8), for: "req1") == nil)
        #expect(try await db.recordFailure(for: "req1", in: .pending, error: "x", at: Self.t0, backoff: Backoff()) == nil)
        #expect(try await db.request(id: "req1")?.message?.messageID == 7)
        try await db.recordProgress(0.5, for: "req1")  // not downloading: ignored
        #expect(try await db.request(id: "req1")?.progress == nil)
    }
}

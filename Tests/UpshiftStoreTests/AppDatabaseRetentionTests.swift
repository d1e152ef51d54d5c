import Foundation
import GRDB
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

@testable import UpshiftStore

/// What the store must not keep (a cleared passkey) and what it must bound (releases, look-ups).
@Suite struct AppDatabaseRetentionTests {
    static let t0 = AppDatabaseTests.t0
    static let passkey = "tp=PASSKEY0123456789abcdef0123456789"

    /// The bytes of the database file and of its `-wal`, if any.
    static func bytesOnDisk(_ path: String) -> Data {
        var all = Data()
        for file in [path, path + "-wal"] { all.append((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()) }
        return all
    }

    @Test func aClearedTorrentLeavesNoPasskeyInTheFileOrTheWAL() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            let db = try AppDatabase.open(path: path)
            // A .torrent larger than a page, as real ones are, with the passkey in its announce URL.
            let torrent = Data(("d8:announce60:https://tracker.test/announce?\(Self.passkey)e" + String(repeating: "x", count: 9000)).utf8)
            try await db.insertRequest(AppDatabaseTests.request(state: .pending), torrent: torrent)
            try await db.checkpoint()  // as SQLite does on its own: the .torrent is now in the file itself
            _ = try await db.apply(.approve, to: "req1", at: Self.t0, by: "api", error: nil)
            #expect(Self.bytesOnDisk(path).range(of: Data(Self.passkey.utf8)) != nil)
            _ = try await db.apply(.startDownload, to: "req1", at: Self.t0, by: nil, error: nil)
            #expect(try await db.torrent(requestID: "req1") == Data())
            #expect(Self.bytesOnDisk(path).range(of: Data(Self.passkey.utf8)) == nil)
            try db.close()
            // GRDB keeps the `-wal` file (persistent WAL), but empty.
            let wal = (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
            #expect(wal.isEmpty)
            #expect(Self.bytesOnDisk(path).range(of: Data(Self.passkey.utf8)) == nil)
        }
    }

    /// More guids than SQLite's bound-variable limit (32,766 by default, 250,000 in Debian's build).
    @Test func guidLookUpsOfAnyLengthWork() async throws {
        let db = try AppDatabase.inMemory()
        let guids = (0..<260_000).map { "guid-\($0)" }
        #expect(try await db.unseenGUIDs(guids).count == 260_000)
    }

    static func release(_ guid: String, seenAt: Date, kind: DecisionKind = .none, requestID: String? = nil)
        -> ReleaseRecord
    {
        ReleaseRecord(
            guid: guid, feed: "https://tracker.test/rss", name: "Heat.1995.2160p-GRP", link: "", sizeBytes: nil,
            category: nil, publishedAt: nil, seeders: nil, seenAt: seenAt,
            parsed: ReleaseNameParser.parse("Heat.1995.2160p-GRP"), movieID: nil, movieTitle: nil,
            decision: Decision(notify: false, kind: kind, reason: "r", gains: []), requestID: requestID)
    }

    @Test func oldReleasesWithoutARequestArePrunedAndHistoryStays() async throws {
        let db = try AppDatabase.inMemory()
        try await db.insertRequest(AppDatabaseTests.request(), torrent: Data("t".utf8))
        try await db.recordRelease(Self.release("old", seenAt: Self.t0))
        try await db.recordRelease(Self.release("old-asked", seenAt: Self.t0, kind: .fel, requestID: "req1"))
        try await db.recordRelease(Self.release("new", seenAt: Self.t0.addingTimeInterval(100 * 86_400)))
        let cutoff = Self.t0.addingTimeInterval(86_400)
        let removed = try await db.pruneReleases(seenBefore: cutoff, failuresBefore: cutoff)
        #expect(removed == 1)
        #expect(Set(try await db.recentReleases(limit: 10).map(\.guid)) == ["old-asked", "new"])
        #expect(try await db.request(id: "req1") != nil)
    }

    @Test func notInLibraryReleasesAreJudgedAgainOnceMarkedAndKeepTheirPlace() async throws {
        let db = try AppDatabase.inMemory()
        try await db.recordRelease(Self.release("a", seenAt: Self.t0, kind: .notInLibrary))
        try await db.recordRelease(Self.release("b", seenAt: Self.t0, kind: .duplicate))
        #expect(try await db.unseenGUIDs(["a", "b"]).isEmpty)
        #expect(try await db.markNotInLibraryForRejudging(since: Self.t0) == 1)
        #expect(try await db.unseenGUIDs(["a", "b"]) == ["a"])
        try await db.recordRelease(Self.release("a", seenAt: Self.t0.addingTimeInterval(600), kind: .fel))
        #expect(try await db.unseenGUIDs(["a", "b"]).isEmpty)
        #expect(try await db.recentReleases(limit: 5).first { $0.guid == "a" }?.seenAt == Self.t0)
    }
}

/// Migration 0005: guids stored with a passkey in their path are rewritten as new ones are written.
@Suite struct GuidMigrationTests {
    @Test func storedGuidsLoseTheirKeyLikePathSegments() throws {
        let key = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
        let old = "https://t.test/rss/\(key)/101"
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "0004_probe_results")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO releases (guid, feed, name, link, seen_at, kind, quality, decision_kind, notify, reason, gains)
                    VALUES (?, 'f', 'Heat 1995', '', '2026-01-01', 'movie', '{}', 'skipped', 0, 'r', '[]')
                    """, arguments: [old])
            try db.execute(
                sql: "INSERT INTO torrent_fetch_failures (guid, first_failed_at) VALUES (?, '2026-01-01')", arguments: [old])
        }
        try Migrations.migrator.migrate(queue)
        let guids = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT guid FROM releases UNION ALL SELECT guid FROM torrent_fetch_failures")
        }
        #expect(guids.count == 2)
        #expect(guids.allSatisfy { !$0.contains(key) && $0.hasPrefix("https://t.test/rss/********") && $0.hasSuffix("/101") })
        #expect(Set(guids).count == 1)
        #expect(guids.first == maskingKeyLikePathSegments(old))
    }
}

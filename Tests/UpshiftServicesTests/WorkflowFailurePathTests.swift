import Foundation
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// Issue 7's failure paths of the workflow: presses during an add, notices through outages.
@Suite struct WorkflowFailurePathTests {
    static let fel = WorkflowTests.fel

    /// A Skip that lands while qBittorrent is taking the torrent must not leave an untracked
    /// torrent behind: it is refused with a sentence saying so, and the download is followed.
    @Test func aSkipWhileTheTorrentIsBeingAddedIsRefusedAndTheDownloadIsTracked() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.torrents.setAddDelay(.seconds(1))
        let approval = try await h.coordinator.answer(id, approve: true, by: "api")
        async let followed = h.coordinator.followUp(approval)
        try await waitUntil { await h.torrents.addsStarted == 1 }
        await #expect(throws: ApprovalError.refused(.beingAdded)) {
            try await h.coordinator.answer(id, approve: false, by: "telegram")
        }
        _ = await followed
        #expect(await h.torrents.adds.count == 1)
        #expect(try await h.store.request(id: id)?.state == .downloading)
        #expect(try await h.store.requests(in: [.downloading]).map(\.id) == [id])
    }
}

/// Notices and message edits go through the outbox: kept in SQLite through an outage and a
/// restart, delivered in order per request.
@Suite struct OutboxTests {
    static let fel = WorkflowTests.fel

    @Test func noticesMissedDuringAnOutageArriveLaterInOrder() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.chat.setDown(true)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        await h.chat.setDown(false)
        // Telegram is back, but "started" waits for its retry: "completed" must not overtake it.
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .completed, progress: 1, state: "uploading"))
        #expect(await h.tracker.checkOnce().map(\.state) == [.completed])
        #expect(await h.chat.notices.isEmpty)
        await h.coordinator.deliverOutbox()  // inside the backoff: nothing yet
        #expect(await h.chat.notices.isEmpty)
        h.clock.advance(16)
        await h.coordinator.deliverOutbox()
        #expect(await h.chat.notices.map(\.kind) == [.started, .completed])
        #expect(await h.chat.edits.last?.state == .completed)
        #expect(try await h.store.outbox().isEmpty)
        await h.coordinator.deliverOutbox()
        #expect(await h.chat.notices.count == 2)
    }

    @Test func aRestartDeliversWhatWasQueued() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let first = try WorkflowHarness(store: try AppDatabase.open(path: path))
            try await first.loadLibrary()
            await first.list([Self.fel])
            let id = try #require(await first.poller.pollOnce().requests.first)
            await first.chat.setDown(true)
            await first.coordinator.followUp(try await first.coordinator.answer(id, approve: true, by: "api"))
            #expect(try await first.store.outbox().map(\.kind) == [.edit, .notice(.started)])

            let second = try WorkflowHarness(store: try AppDatabase.open(path: path))
            second.clock.advance(60)
            await second.coordinator.deliverOutbox()
            #expect(await second.chat.notices.map(\.kind) == [.started])
            #expect(await second.chat.edits.map(\.state) == [.downloading])
        }
    }

    @Test func aQuestionAnsweredWhileBeingSentLosesItsButtonsOnceSent() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        await h.chat.setSendDelay(.seconds(1))
        async let poll = h.poller.pollOnce()
        try await waitUntil { try await !h.store.requests(in: [.pending]).isEmpty }
        let id = try #require(try await h.store.requests(in: [.pending]).first?.id)
        _ = try await h.coordinator.answer(id, approve: false, by: "api")
        _ = await poll
        #expect(await h.chat.sent.count == 1)
        #expect(try await h.store.request(id: id)?.message != nil)
        #expect(await h.chat.edits.map(\.state) == [.skipped])
    }
}

/// The Telegram listener under a slow qBittorrent and across restarts.
@Suite struct TelegramListenerFailurePathTests {
    static let fel = WorkflowTests.fel

    @Test func aPressIsAnsweredWhileAnotherPressAddsASlowTorrent() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel, "Alien.1979.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-GRP"])
        await h.library.replace([
            WorkflowHarness.movies[0],
            LibraryMovie(id: "plex:2", title: "Alien", year: 1979, quality: Quality(resolution: .r2160p, hdr10: true)),
        ])
        let ids = await h.poller.pollOnce().requests
        #expect(ids.count == 2)
        await h.torrents.setAddDelay(.seconds(3))
        let listening = Task { try await h.listener.run() }
        defer { listening.cancel() }
        await h.chat.press(.approve, requestID: ids[0])
        try await waitUntil { await h.chat.answers.count == 1 }
        await h.chat.press(.skip, requestID: ids[1])
        try await waitUntil { await h.chat.answers.count == 2 }
        // The second press was answered while the first torrent was still being added.
        #expect(await h.torrents.adds.isEmpty)
        #expect(try await h.store.request(id: ids[1])?.state == .skipped)
    }

    @Test func theUpdateOffsetSurvivesARestart() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let first = try WorkflowHarness(store: try AppDatabase.open(path: path))
            await first.chat.press(.approve, requestID: "none")
            await first.chat.press(.approve, requestID: "none")
            _ = try await first.listener.pollOnce(timeout: 0)
            #expect(await first.chat.offsetsAsked == [nil])

            let second = try WorkflowHarness(store: try AppDatabase.open(path: path))
            _ = try await second.listener.pollOnce(timeout: 0)
            #expect(await second.chat.offsetsAsked == [3])
        }
    }
}

/// Polls `condition` every 10 ms for up to `seconds`; fails the test when it never holds.
func waitUntil(seconds: Double = 2, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    #expect(try await condition(), "condition not met within \(seconds) s")
}

/// The give-up clock of a torrent that cannot be fetched is kept in the store.
@Suite struct TorrentFetchClockTests {
    @Test func aRestartDoesNotResetTheGiveUpClock() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let first = try WorkflowHarness(store: try AppDatabase.open(path: path))
            try await first.loadLibrary()
            await first.list([WorkflowTests.fel])
            await first.feeds.removeTorrent(guid: "7000000")
            #expect(await first.poller.pollOnce().newItems == 0)  // judged again at the next poll

            // A new process, 25 hours after the first failure (notify_expire_hours is 24).
            let second = try WorkflowHarness(store: try AppDatabase.open(path: path))
            await second.library.replace(WorkflowHarness.movies)
            await second.list([WorkflowTests.fel])
            await second.feeds.removeTorrent(guid: "7000000")
            second.clock.advance(25 * 3600)
            #expect(await second.poller.pollOnce().newItems == 1)
            let release = try #require(try await second.store.recentReleases(limit: 1).first)
            #expect(release.decision.notify == false)
            #expect(release.decision.reason.contains("could not be fetched"))
        }
    }
}

/// qBittorrent states that pass: an error or missing files for a minute, a torrent not listed
/// while qBittorrent reloads.
@Suite struct TransientTorrentStateTests {
    @Test func aShortErrorDoesNotEndTrackingAndTheCompletionIsReported() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .failed, progress: 0.4, state: "missingFiles"))
        #expect(await h.tracker.checkOnce().isEmpty)
        h.clock.advance(60)
        await h.torrents.setProgress("hash7000000", nil)  // qBittorrent restarting
        #expect(await h.tracker.checkOnce().isEmpty)
        h.clock.advance(60)
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .completed, progress: 1, state: "uploading"))
        #expect(await h.tracker.checkOnce().map(\.state) == [.completed])
        #expect(await h.chat.notices.map(\.kind) == [.started, .completed])
    }

    @Test func anErrorThatLastsBeyondTheGraceFails() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .failed, progress: 0.4, state: "error"))
        await h.tracker.checkOnce()
        h.clock.advance(15 * 60)
        #expect(await h.tracker.checkOnce().map(\.state) == [.error])
        #expect(try await h.store.request(id: id)?.lastError == "qBittorrent reports the torrent as error.")
    }
}

/// A degraded library scan never replaces a good library, and what it hid is judged again.
@Suite struct DegradedLibraryScanTests {
    typealias Source = LibraryRefresherTests.Source

    @Test(arguments: [[], [WorkflowHarness.movies[0], WorkflowHarness.movies[1]]])
    func aScanThatLosesTooMuchKeepsTheLastGoodLibrary(found: [LibraryMovie]) async throws {
        let h = try WorkflowHarness()
        let health = HealthBoard()
        try await h.store.replaceLibrary(WorkflowHarness.movies, source: "Test", scannedAt: h.clock.now)
        let refresher = LibraryRefresher(
            source: Source(movies: found), store: h.store, cache: h.library, metrics: h.metrics,
            logger: h.capture.logger, interval: 3600, health: health, now: h.clock.closure)
        await #expect(throws: LibraryScanRefusal.self) { try await refresher.refreshOnce() }
        #expect(try await h.store.libraryMovies().count == 3)
        #expect(await health.problem("library")?.contains("holds 3") == true)
        #expect(await h.metrics.value("upshift_library_scans_total", ["result": "degraded"]) == 1)
    }

    @Test func aReleaseOfAFilmMissingFromTheLibraryIsJudgedAgainAfterTheNextGoodScan() async throws {
        let h = try WorkflowHarness()
        let health = HealthBoard()
        // Heat is missing from the library at first (a partial scan within the allowed shrink).
        try await h.loadLibrary([WorkflowHarness.movies[1], WorkflowHarness.movies[2]])
        await h.list([WorkflowTests.fel])
        let first = await h.poller.pollOnce()
        #expect(first.requests.isEmpty)
        #expect(try await h.store.recentReleases(limit: 1).first?.decision.kind == .notInLibrary)

        let refresher = LibraryRefresher(
            source: Source(movies: WorkflowHarness.movies), store: h.store, cache: h.library, metrics: h.metrics,
            logger: h.capture.logger, interval: 3600, health: health, now: h.clock.closure)
        try await refresher.refreshOnce()
        #expect(await health.problem("library") == nil)
        let second = await h.poller.pollOnce()
        #expect(second.requests.count == 1)
        #expect(await h.chat.sent.map(\.releaseName) == [WorkflowTests.fel])
        // Another good scan judges nothing again: the release now has its request.
        try await refresher.refreshOnce()
        #expect(await h.poller.pollOnce().newItems == 0)
        #expect(await h.chat.sent.count == 1)
    }
}

/// A qBittorrent that refused the login is said once on Telegram and stays on the health board.
@Suite struct LoginRefusalNoticeTests {
    @Test func aRefusedLoginIsToldOnceAndShownOnTheHealthBoard() async throws {
        let health = HealthBoard()
        let h = try WorkflowHarness(health: health)
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        let sentence = "qBittorrent refused the login for user 'admin'; fix qbittorrent_password and restart Upshift."
        await h.torrents.setLoginRefusal(sentence)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(try await h.store.request(id: id)?.state == .approved)  // not failed: it can go once fixed
        #expect(await health.problem("qbittorrent") == sentence)
        #expect(await h.chat.alerts == [sentence])
        h.clock.advance(16)
        await h.coordinator.retryDue()
        await h.tracker.checkOnce()
        #expect(await h.chat.alerts.count == 1)
    }
}

/// An add whose reply was lost (a timeout after qBittorrent took the torrent) must not let a
/// Skip leave the torrent there untracked.
@Suite struct LostAddReplyTests {
    @Test func aSkipAfterAnAddWhoseReplyWasLostFindsTheTorrentAndKeepsTracking() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.torrents.setAddTakesButFails(true)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(try await h.store.request(id: id)?.state == .approved)
        await #expect(throws: ApprovalError.refused(.alreadyDecided(.downloading))) {
            try await h.coordinator.answer(id, approve: false, by: "telegram")
        }
        #expect(try await h.store.request(id: id)?.state == .downloading)
        #expect(await h.chat.notices.map(\.kind) == [.started])
    }
}

extension TransientTorrentStateTests {
    @Test func aCompletionAfterTheGraceIsStillReported() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .failed, progress: 0.4, state: "missingFiles"))
        await h.tracker.checkOnce()
        h.clock.advance(20 * 60)
        #expect(await h.tracker.checkOnce().map(\.state) == [.error])
        // The NAS is back: qBittorrent finishes the download.
        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .completed, progress: 1, state: "uploading"))
        h.clock.advance(60)
        #expect(await h.tracker.checkOnce().map(\.state) == [.completed])
        #expect(await h.chat.notices.map(\.kind) == [.started, .error, .completed])
        #expect(try await h.store.history(limit: 1).first?.status == "completed")
    }
}

extension OutboxTests {
    @Test func anEditRefusedForGoodIsDroppedAndTheNoticesBehindItGoOut() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.chat.setEditsRefused(true)  // the owner deleted the question
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(await h.chat.notices.map(\.kind) == [.started])
        #expect(try await h.store.outbox().isEmpty)
        #expect(h.capture.text.contains("refused for good"))
    }
}

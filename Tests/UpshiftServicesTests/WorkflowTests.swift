import Foundation
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// The approval workflow end to end over the real store and fake outside systems (SPEC §7).
@Suite struct WorkflowTests {
    static let fel = "Heat.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP"

    @Test func onlyGenuineUpgradesAskAndEachItemIsJudgedOnce() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([
            Self.fel,
            "Alien.1979.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-OTHER",  // already FEL: duplicate
            "Heat.1995.1080p.BluRay.REMUX.DV.P7.FEL-GRP",  // lower resolution: downgrade
            "The.Lord.of.the.Rings.The.Fellowship.of.the.Ring.2001.2160p.UHD.BluRay.HDR10.HEVC-GRP",  // not FEL
            "Unknown.Film.2022.2160p.UHD.BluRay.REMUX.DV.P7.FEL-GRP",  // not in the library
            "Some.Show.S01E02.2160p.WEB-DL.DV.P7.FEL-GRP",  // an episode
            "Heat.1995.2160p.WEB-DL.DDP5.1.DV.H.265-GRP",  // DDP5.1 is not DV P5: no gain
        ])
        let summary = await h.poller.pollOnce()
        #expect(summary.newItems == 7)
        #expect(summary.requests.count == 1)
        let sent = await h.chat.sent
        #expect(sent.map(\.releaseName) == [Self.fel])
        let request = try #require(sent.first)
        #expect(request.kind == .fel)
        #expect(request.gains.contains("P5 → P7 FEL"))
        #expect(request.targetFolder == "/mnt/user/Media/Movies/Heat (1995)")
        #expect(request.torrentHash == "hash7000000")
        #expect(!request.torrentURL.contains("0123456789abcdef0123456789abcdef"))

        let releases = try await h.store.recentReleases(limit: 20)
        #expect(Set(releases.map(\.decision.kind)) == [.fel, .duplicate, .downgrade, .none, .notInLibrary, .notAMovie])
        #expect(releases.allSatisfy { !$0.link.contains("0123456789abcdef0123456789abcdef") })

        let again = await h.poller.pollOnce()
        #expect(again.newItems == 0)
        #expect(await h.chat.sent.count == 1)
        #expect(await h.feeds.downloads == 1)
    }

    @Test func approvingAddsOnceWithTheMovieFolderAndSettings() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)

        let first = try await h.coordinator.answer(id, approve: true, by: "api")
        let after = await h.coordinator.followUp(first)
        #expect(after.state == .downloading)
        let second = try await h.coordinator.answer(id, approve: true, by: "telegram")
        #expect(second.outcome == .unchanged)
        await h.coordinator.followUp(second)

        let adds = await h.torrents.adds
        #expect(adds.count == 1)
        #expect(adds.first?.options.savePath == "/mnt/user/Media/Movies/Heat (1995)")
        #expect(adds.first?.options.category == "movies-fel")
        #expect(adds.first?.options.sequentialDownload == true)
        #expect(await h.chat.notices.map(\.kind) == [.started])

        await #expect(throws: ApprovalError.refused(.alreadyDecided(.downloading))) {
            try await h.coordinator.answer(id, approve: false, by: "api")
        }
    }

    @Test func qbittorrentDownAtApprovalIsRetriedWithBackoff() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.torrents.setDown(true)

        let request = await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(request.state == .approved)
        #expect(request.attempts == 1)
        #expect(try await h.store.request(id: id)?.nextAttemptAt == h.clock.now.addingTimeInterval(15))

        await h.coordinator.retryDue()  // not due yet: no new attempt
        #expect(await h.torrents.failedAdds == 1)
        h.clock.advance(16)
        await h.coordinator.retryDue()
        #expect(await h.torrents.failedAdds == 2)
        #expect(try await h.store.request(id: id)?.attempts == 2)

        await h.torrents.setDown(false)
        h.clock.advance(31)
        await h.coordinator.retryDue()
        #expect(try await h.store.request(id: id)?.state == .downloading)
        #expect(await h.torrents.adds.count == 1)
    }

    @Test func telegramDownKeepsTheRequestPendingAndRetriesTheSend() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        await h.chat.setDown(true)
        let id = try #require(await h.poller.pollOnce().requests.first)
        let stored = try #require(try await h.store.request(id: id))
        #expect(stored.state == .pending)
        #expect(stored.message == nil)
        #expect(try await h.store.requests(in: [.pending]).count == 1)

        await h.chat.setDown(false)
        h.clock.advance(16)
        await h.coordinator.retryDue()
        #expect(await h.chat.sent.count == 1)
        #expect(try await h.store.request(id: id)?.message != nil)
        await h.coordinator.retryDue()
        #expect(await h.chat.sent.count == 1)
    }

    @Test func unansweredRequestsExpireAndLateAnswersAreRefused() async throws {
        let h = try WorkflowHarness { $0.ruleSettings.notifyExpireHours = 2 }
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        h.clock.advance(3600)
        #expect(await h.coordinator.expireDue() == 0)
        h.clock.advance(3601)
        #expect(await h.coordinator.expireDue() == 1)
        #expect(await h.chat.edits.last?.state == .expired)
        await #expect(throws: ApprovalError.refused(.expired)) {
            try await h.coordinator.answer(id, approve: true, by: "telegram")
        }
        #expect(await h.torrents.adds.isEmpty)
    }

    @Test func autoApprovedKindsDownloadWithoutAsking() async throws {
        let h = try WorkflowHarness { $0.ruleSettings.autoApprove = [.fel] }
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        #expect(await h.chat.sent.isEmpty)
        #expect(await h.torrents.adds.count == 1)
        let request = try #require(try await h.store.request(id: id))
        #expect(request.state == .downloading)
        #expect(request.decidedBy == "auto")
    }

    @Test func trackerReportsCompletionAndErrors() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel, "Alien.1979.2160p.WEB-DL.DV.P8.Atmos-GRP"])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))

        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .downloading, progress: 0.5, state: "downloading"))
        #expect(await h.tracker.checkOnce().isEmpty)
        #expect(try await h.store.request(id: id)?.progress == 0.5)

        await h.torrents.setProgress("hash7000000", TorrentProgress(phase: .completed, progress: 1, state: "uploading"))
        let done = await h.tracker.checkOnce()
        #expect(done.map(\.state) == [.completed])
        #expect(await h.chat.notices.map(\.kind) == [.started, .completed])
        let history = try await h.store.history(limit: 5)
        #expect(history.first?.status == "completed")
        #expect(history.first?.torrentHash == "hash7000000")
    }

    @Test func aTorrentThatVanishesBecomesAnError() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        await h.torrents.setProgress("hash7000000", nil)
        await h.tracker.checkOnce()
        h.clock.advance(14 * 60)
        await h.tracker.checkOnce()
        #expect(try await h.store.request(id: id)?.state == .downloading)
        h.clock.advance(61)
        await h.tracker.checkOnce()
        #expect(try await h.store.request(id: id)?.state == .error)
        #expect(await h.chat.notices.last?.kind == .error)
    }

    @Test func strangersArePressingInVain() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)

        await h.chat.press(.approve, requestID: id, fromUser: 666, chatID: "666")
        #expect(try await h.listener.pollOnce(timeout: 0).isEmpty)
        #expect(await h.torrents.adds.isEmpty)
        #expect(await h.chat.answers.last?.text.contains("not allowed") == true)

        await h.chat.press(.approve, requestID: id)
        await h.chat.press(.approve, requestID: id)
        let results = try await h.listener.pollOnce(timeout: 0)
        #expect(results.count == 2)
        #expect(try await h.store.request(id: id)?.state == .downloading)
        #expect(await h.torrents.adds.count == 1)
        #expect(await h.chat.answers.last?.text.contains("Already approved") == true)
    }

    @Test func skipIsFinal() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.chat.press(.skip, requestID: id)
        _ = try await h.listener.pollOnce(timeout: 0)
        #expect(try await h.store.request(id: id)?.state == .skipped)
        #expect(await h.chat.edits.last?.state == .skipped)
        await #expect(throws: ApprovalError.refused(.alreadyDecided(.skipped))) {
            try await h.coordinator.answer(id, approve: true, by: "api")
        }
    }

    @Test func aRestartCarriesOnWithApprovedAndDownloadingRequests() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("db.sqlite").path
            let first = try WorkflowHarness(store: try AppDatabase.open(path: path))
            try await first.loadLibrary()
            await first.list([Self.fel])
            await first.torrents.setDown(true)
            let id = try #require(await first.poller.pollOnce().requests.first)
            await first.coordinator.followUp(try await first.coordinator.answer(id, approve: true, by: "api"))
            #expect(try await first.store.request(id: id)?.state == .approved)

            // A new process over the same file: the approved request is added on its first pass.
            let second = try WorkflowHarness(store: try AppDatabase.open(path: path))
            second.clock.advance(60)
            await second.coordinator.retryDue()
            #expect(try await second.store.request(id: id)?.state == .downloading)
            #expect(await second.torrents.adds.count == 1)
            // And the poller does not ask again about the item it judged before the restart.
            await second.library.replace(WorkflowHarness.movies)
            await second.list([Self.fel])
            #expect(await second.poller.pollOnce().newItems == 0)
        }
    }

    @Test func aFailingFeedBacksOffWithoutStoppingTheOthers() async throws {
        let other = FeedURL(string: "https://other.test/rss?apikey=abcdef0123456789abcdef")!
        let h = try WorkflowHarness { $0.iptFeedURLs = [WorkflowHarness.feed, other] }
        try await h.loadLibrary()
        await h.feeds.setFailing(WorkflowHarness.feed, true)
        let summary = await h.poller.pollOnce()
        #expect(summary.feedsFailed == 1 && summary.feedsOK == 1)
        await h.poller.pollOnce()  // inside the backoff: the failing feed is not asked again
        #expect(await h.feeds.fetches[WorkflowHarness.feed] == 1)
        #expect(await h.feeds.fetches[other] == 2)
        h.clock.advance(61)
        await h.poller.pollOnce()
        #expect(await h.feeds.fetches[WorkflowHarness.feed] == 2)
        #expect(!h.capture.text.contains("0123456789abcdef0123456789abcdef"))
        #expect(!h.capture.text.contains("abcdef0123456789abcdef"))
        #expect(await h.metrics.value("upshift_feed_polls_total", ["result": "error"]) == 2)
    }
}

/// Races and edges found in review: overlapping passes, a slow Telegram or qBittorrent, answers
/// after `expires_at` but before the sweep, cancelling an approval, the library not loaded yet.
@Suite struct WorkflowRaceTests {
    static let fel = WorkflowTests.fel

    @Test func aRetryDuringASlowSendDoesNotAskTwice() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        await h.chat.setSendDelay(.milliseconds(300))
        async let poll = h.poller.pollOnce()
        try await Task.sleep(for: .milliseconds(100))
        await h.coordinator.retryDue()  // the question is in flight: not sent again
        _ = await poll
        #expect(await h.chat.sent.count == 1)
        let request = try #require(try await h.store.requests(in: [.pending]).first)
        #expect(request.message != nil)
    }

    @Test func aRetryDuringASlowAddAddsOnceAndNoticesOnce() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.torrents.setAddDelay(.milliseconds(300))
        let transition = try await h.coordinator.answer(id, approve: true, by: "api")
        async let followed = h.coordinator.followUp(transition)
        try await Task.sleep(for: .milliseconds(100))
        await h.coordinator.retryDue()
        _ = await followed
        await h.coordinator.retryDue()
        #expect(await h.torrents.adds.count == 1)
        #expect(await h.chat.notices.filter { $0.kind == .started }.count == 1)
        #expect(try await h.store.request(id: id)?.state == .downloading)
    }

    @Test func overlappingPollsCreateOneRequest() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        await h.chat.setSendDelay(.milliseconds(200))
        async let first = h.poller.pollOnce()
        async let second = h.poller.pollOnce(force: true)
        let summaries = await [first, second]
        #expect(summaries.flatMap(\.requests).count == 1)
        #expect(await h.chat.sent.count == 1)
        #expect(try await h.store.requests(in: [.pending]).count == 1)
        #expect(try await h.store.recentReleases(limit: 5).first?.requestID != nil)
    }

    @Test func anAnswerAfterTheDeadlineIsRefusedBeforeTheSweep() async throws {
        let h = try WorkflowHarness { $0.ruleSettings.notifyExpireHours = 1 }
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        h.clock.advance(3600)
        await #expect(throws: ApprovalError.refused(.expired)) {
            try await h.coordinator.answer(id, approve: true, by: "telegram")
        }
        #expect(try await h.store.request(id: id)?.state == .expired)
        #expect(await h.chat.edits.last?.state == .expired)
        #expect(await h.torrents.adds.isEmpty)
    }

    @Test func anApprovalWaitingForQBittorrentCanBeCancelled() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        await h.torrents.setDown(true)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(try await h.store.request(id: id)?.state == .approved)
        let cancel = try await h.coordinator.answer(id, approve: false, by: "api")
        #expect(cancel.outcome == .moved(to: .skipped))
        await h.torrents.setDown(false)
        h.clock.advance(60)
        await h.coordinator.retryDue()
        #expect(await h.torrents.adds.isEmpty)
        #expect(try await h.store.torrent(requestID: id) == Data())  // the passkey-bearing file is gone
    }

    @Test func theTorrentFileIsDroppedOnceAdded() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([Self.fel])
        let id = try #require(await h.poller.pollOnce().requests.first)
        #expect(try await h.store.torrent(requestID: id)?.isEmpty == false)
        await h.coordinator.followUp(try await h.coordinator.answer(id, approve: true, by: "api"))
        #expect(try await h.store.torrent(requestID: id) == Data())
    }

    @Test func nothingIsPolledBeforeTheLibraryIsLoaded() async throws {
        let h = try WorkflowHarness()
        await h.list([Self.fel])
        let summary = await h.poller.pollOnce(force: true)
        #expect(!summary.libraryReady)
        #expect(await h.feeds.fetches.isEmpty)
        #expect(try await h.store.recentReleases(limit: 5).isEmpty)
    }
}

/// The library refresher's start: fresh, stale, empty, failing source (SPEC §1).
@Suite struct LibraryRefresherTests {
    struct Source: LibrarySource {
        let movies: [LibraryMovie]?
        var name: String { "Test" }
        func scan() async throws -> [LibraryMovie] {
            guard let movies else { throw FakeError.down("Plex") }
            return movies
        }
    }

    static func refresher(_ h: WorkflowHarness, source: Source?, maxShrinkPercent: Int = 10) -> LibraryRefresher {
        LibraryRefresher(
            source: source, store: h.store, cache: h.library, metrics: h.metrics, logger: h.capture.logger,
            interval: 3600, maxShrinkPercent: maxShrinkPercent, now: h.clock.closure)
    }

    @Test func aFreshStoredLibraryIsUsedAtOnce() async throws {
        let h = try WorkflowHarness()
        try await h.store.replaceLibrary(WorkflowHarness.movies, source: "Test", scannedAt: h.clock.now)
        h.clock.advance(600)
        let due = try await Self.refresher(h, source: Source(movies: [])).loadStored()
        #expect(await h.library.isReady)
        #expect(await h.library.count == 3)
        #expect(due == h.clock.now.addingTimeInterval(3000))
    }

    @Test func aStaleStoredLibraryWaitsForTheScan() async throws {
        let h = try WorkflowHarness()
        try await h.store.replaceLibrary(WorkflowHarness.movies, source: "Test", scannedAt: h.clock.now)
        h.clock.advance(7200)
        let refresher = Self.refresher(h, source: Source(movies: [WorkflowHarness.movies[0]]), maxShrinkPercent: 100)
        #expect(try await refresher.loadStored() <= h.clock.now)
        #expect(!(await h.library.isReady))
        try await refresher.refreshOnce()
        #expect(await h.library.isReady)
        #expect(await h.library.count == 1)
        #expect(try await h.store.lastLibraryScan() == h.clock.now)
    }

    @Test func aFailingScanKeepsTheLastGoodLibrary() async throws {
        let h = try WorkflowHarness()
        try await h.store.replaceLibrary(WorkflowHarness.movies, source: "Test", scannedAt: h.clock.now)
        let refresher = Self.refresher(h, source: Source(movies: nil))
        await #expect(throws: FakeError.self) { try await refresher.refreshOnce() }
        #expect(try await h.store.libraryMovies().count == 3)
        #expect(await h.metrics.value("upshift_library_scans_total", ["result": "error"]) == 1)
    }

    @Test func withoutASourceTheLibraryIsReadyAndEmpty() async throws {
        let h = try WorkflowHarness()
        try await Self.refresher(h, source: nil).loadStored()
        #expect(await h.library.isReady)
        #expect(await h.library.count == 0)
    }
}

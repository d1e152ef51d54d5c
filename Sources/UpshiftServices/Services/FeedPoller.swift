import Foundation
import Logging
import ServiceLifecycle
import UpshiftCore
import UpshiftSettings

/// Polls every feed (SPEC §6): at start once the library is ready, then every `ipt_poll_minutes`.
/// Each item is judged once (its guid is remembered in `releases`); an upgrade becomes an approval
/// request through the ``ApprovalCoordinator``. A failing feed is logged and backed off on its own,
/// without holding up the others.
public actor FeedPoller: Service {
    let feeds: [FeedURL]
    let source: any FeedSource
    let store: any ApprovalStore
    let library: LibraryCache
    let judge: ReleaseJudge
    let coordinator: ApprovalCoordinator
    let metrics: Metrics
    let logger: Logger
    let interval: TimeInterval
    let backoff: Backoff
    let now: @Sendable () -> Date
    /// Consecutive failures and next allowed poll, per feed.
    private var feedState: [FeedURL: (failures: Int, next: Date)] = [:]
    /// True while a pass runs: passes never overlap (the schedule and `POST /api/feeds/poll`).
    private var polling = false

    /// What one pass did.
    public struct Summary: Sendable, Hashable {
        /// Feeds read without error.
        public var feedsOK = 0
        /// Feeds that failed.
        public var feedsFailed = 0
        /// Items judged for the first time.
        public var newItems = 0
        /// Requests created.
        public var requests: [String] = []
        /// False when nothing was polled because the library is not loaded yet, or its files are being probed.
        public var libraryReady = true
    }

    /// Creates the poller.
    public init(
        feeds: [FeedURL], source: any FeedSource, store: any ApprovalStore, library: LibraryCache,
        judge: ReleaseJudge, coordinator: ApprovalCoordinator, metrics: Metrics, logger: Logger,
        interval: TimeInterval, backoff: Backoff = Backoff(base: 60, cap: 3600),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.feeds = feeds
        self.source = source
        self.store = store
        self.library = library
        self.judge = judge
        self.coordinator = coordinator
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
        self.backoff = backoff
        self.now = now
    }

    /// Polls every feed whose backoff has passed (every feed when `force`), judges the new items
    /// and proposes the upgrades.
    ///
    /// Nothing is polled before the library is loaded (a release judged against an empty library
    /// would be skipped for good): the summary then says `libraryReady == false`. A call made while
    /// another pass runs waits for it to end first.
    @discardableResult
    public func pollOnce(force: Bool = false) async -> Summary {
        // Nor while library files are being probed: a copy's layer may be about to change.
        guard await library.isReady, await library.probeProgress == nil else { return Summary(libraryReady: false) }
        while polling {
            guard await pause(.milliseconds(50)) else { return Summary() }
        }
        polling = true
        defer { polling = false }
        var summary = Summary()
        let index = await library.snapshot
        for feed in feeds {
            if !force, let state = feedState[feed], state.next > now() { continue }
            let entries: [FeedEntry]
            do {
                entries = try await source.fetch(feed)
                feedState[feed] = nil
                summary.feedsOK += 1
                await metrics.increment("upshift_feed_polls_total", ["result": "ok"])
                logger.debug("Feed polled", metadata: ["feed": "\(feed)", "feed.items": "\(entries.count)"])
            } catch {
                if Task.isCancelled { break }  // shutting down: not the feed's fault
                let failures = (feedState[feed]?.failures ?? 0) + 1
                let delay = min(backoff.delay(afterAttempts: failures), max(interval, backoff.base) * 8)
                feedState[feed] = (failures, now().addingTimeInterval(delay))
                summary.feedsFailed += 1
                await metrics.increment("upshift_feed_polls_total", ["result": "error"])
                await metrics.increment("upshift_errors_total", ["component": "feed"])
                logger.warning(
                    "Feed poll failed",
                    metadata: [
                        "feed": "\(feed)", "error": "\(error)", "retry.attempts": "\(failures)",
                        "retry.in_seconds": "\(Int(delay))",
                    ])
                continue
            }
            do {
                try await process(entries, index: index, summary: &summary)
            } catch {
                // The store failed: what was not recorded is judged again at the next poll.
                await metrics.increment("upshift_errors_total", ["component": "store"])
                logger.error("Recording feed items failed", metadata: ["feed": "\(feed)", "error": "\(error)"])
            }
        }
        return summary
    }

    /// Waits for the library, polls at once, then every `ipt_poll_minutes` until shutdown.
    public func run() async throws {
        while !(await library.isReady) {
            guard await pause(.milliseconds(500)) else { return }
        }
        repeat {
            // The probes of a scan are bounded by their timeout: wait for them, then poll.
            while await library.probeProgress != nil {
                guard await pause(.milliseconds(500)) else { return }
            }
            // A poll in flight (a feed that takes its whole timeout) must not hold up shutdown;
            // what it had not recorded yet is judged again at the next start.
            try? await cancelWhenGracefulShutdown { await self.pollOnce() }
        } while await pause(.seconds(nextWait()))
    }

    /// Seconds until the next poll: the interval, or sooner when a failing feed's backoff ends first.
    private func nextWait() -> Double {
        let soonest = feedState.values.map { $0.next.timeIntervalSince(now()) }.min() ?? interval
        return max(1, min(interval, soonest))
    }

    private func process(_ entries: [FeedEntry], index: LibraryIndex, summary: inout Summary) async throws {
        let unseen = try await store.unseenGUIDs(entries.map(\.guid))
        var handled = Set<String>()
        for entry in entries where unseen.contains(entry.guid) && handled.insert(entry.guid).inserted {
            let judgement = judge.judge(entry, library: index)
            var requestID: String?
            var decision = judgement.decision
            if decision.notify {
                // When fetching an upgrade's torrent fails, the item is judged again at each poll
                // until `notify_expire_hours` have passed since the first failure (a clock kept in
                // the store, so a restart does not reset it), then recorded with the failure as its reason.
                do {
                    requestID = try await coordinator.propose(entry, judgement: judgement)?.id
                    try await store.clearTorrentFetchFailure(guid: entry.guid)
                    if let requestID { summary.requests.append(requestID) }
                } catch {
                    if Task.isCancelled { return }  // shutting down: judged again at the next start
                    let first = try await store.recordTorrentFetchFailure(guid: entry.guid, at: now())
                    await metrics.increment("upshift_errors_total", ["component": "torrent_fetch"])
                    let limit = Double(coordinator.settings.ruleSettings.notifyExpireHours) * 3600
                    guard now().timeIntervalSince(first) >= limit else {
                        logger.warning(
                            "Fetching the torrent of an upgrade failed",
                            metadata: ["release.name": "\(entry.title)", "error": "\(error)"])
                        continue  // judged again at the next poll
                    }
                    logger.error(
                        "Giving up on an upgrade whose torrent cannot be fetched",
                        metadata: ["release.name": "\(entry.title)", "error": "\(error)"])
                    try await store.clearTorrentFetchFailure(guid: entry.guid)
                    decision.notify = false
                    decision.reason += " The torrent could not be fetched: \(error)"
                }
            }
            summary.newItems += 1
            await metrics.increment("upshift_feed_items_total")
            await metrics.increment("upshift_decisions_total", ["kind": decision.kind.rawValue])
            try await store.recordRelease(
                ReleaseRecord(
                    guid: entry.guid, feed: entry.feed, name: entry.title, link: entry.link?.redacted ?? "",
                    sizeBytes: entry.sizeBytes, category: entry.category, publishedAt: entry.publishedAt,
                    seeders: entry.seeders, seenAt: now(), parsed: judgement.parsed, movieID: judgement.movie?.id,
                    movieTitle: judgement.movie?.title, decision: decision, requestID: requestID))
        }
    }
}

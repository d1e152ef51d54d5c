import Foundation
import Logging
import ServiceLifecycle
import UpshiftCore
import UpshiftSettings

/// Follows downloads in progress (SPEC §7): every `download_monitor_seconds` it asks qBittorrent
/// about each `downloading` request, stores the progress, and on completion or error moves the
/// request on, writes the history and sends the notice (per `notify_download_*`).
public actor DownloadTracker: Service {
    let store: any ApprovalStore
    let torrents: any TorrentClient
    let coordinator: ApprovalCoordinator
    let metrics: Metrics
    let logger: Logger
    let interval: Duration
    let now: @Sendable () -> Date
    /// Since when qBittorrent has reported a download as failed or not known, per request.
    private var troubleSince: [String: Date] = [:]
    /// How long a download may stay failed or unknown before its request fails
    /// (`qbittorrent_error_grace_minutes`): a NAS mount that drops for a minute, or qBittorrent
    /// reloading thousands of torrents after a restart, does not end the tracking.
    let grace: TimeInterval

    /// Creates the tracker.
    public init(
        store: any ApprovalStore, torrents: any TorrentClient, coordinator: ApprovalCoordinator, metrics: Metrics,
        logger: Logger, interval: Duration, grace: TimeInterval = 15 * 60,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.torrents = torrents
        self.coordinator = coordinator
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
        self.grace = grace
        self.now = now
    }

    /// Checks every download once. Returns the requests that finished (completed or error) in this pass.
    @discardableResult
    public func checkOnce() async -> [ApprovalRequest] {
        let downloading: [ApprovalRequest]
        do {
            downloading = try await store.requests(in: [.downloading])
        } catch {
            logger.error("Reading downloads failed", metadata: ["error": "\(error)"])
            return []
        }
        // Downloads that failed while tracked (they have a progress) in the last week are still
        // looked at: one qBittorrent finishes after all is reported complete.
        let since = now().addingTimeInterval(-Self.lateCompletionWindow)
        let failed = ((try? await store.requests(in: [.error])) ?? []).filter {
            $0.progress != nil && ($0.finishedAt ?? .distantPast) >= since
        }
        var finished: [ApprovalRequest] = []
        for request in failed {
            guard let status = try? await torrents.status(hash: request.torrentHash), status.phase == .completed else {
                continue
            }
            if let done = await finish(request, event: .complete, detail: nil) { finished.append(done) }
        }
        for request in downloading {
            let status: TorrentProgress?
            do {
                status = try await torrents.status(hash: request.torrentHash)
            } catch {
                await metrics.increment("upshift_errors_total", ["component": "qbittorrent"])
                logger.warning("Checking downloads failed", metadata: ["error": "\(error)"])
                await coordinator.checkTorrentClientLogin()
                return finished  // qBittorrent is down: try again next pass
            }
            if let done = await handle(request, status: status) { finished.append(done) }
        }
        return finished
    }

    /// How long after failing a download is still watched for a late completion.
    static let lateCompletionWindow: TimeInterval = 7 * 24 * 3600

    /// Runs ``checkOnce()`` at once (downloads from before a restart carry on), then every interval.
    public func run() async throws {
        repeat {
            try? await cancelWhenGracefulShutdown { await self.checkOnce() }
        } while await pause(interval)
    }

    private func handle(_ request: ApprovalRequest, status: TorrentProgress?) async -> ApprovalRequest? {
        guard let status, status.phase != .failed else {
            let detail =
                status.map { "qBittorrent reports the torrent as \($0.state)." }
                ?? "The torrent is no longer in qBittorrent."
            let since = troubleSince[request.id] ?? now()
            troubleSince[request.id] = since
            guard now().timeIntervalSince(since) >= grace else {
                logger.info(
                    "Download in trouble, waiting before it fails",
                    metadata: [
                        "request.id": "\(request.id)", "torrent.state": "\(status?.state ?? "missing")",
                        "grace.seconds_left": "\(Int(grace - now().timeIntervalSince(since)))",
                    ])
                return nil
            }
            troubleSince[request.id] = nil
            return await finish(request, event: .fail, detail: detail)
        }
        troubleSince[request.id] = nil
        switch status.phase {
        case .completed:
            return await finish(request, event: .complete, detail: nil)
        case .failed:
            return nil  // handled above
        case .downloading:
            guard request.progress != status.progress else { return nil }
            do {
                try await store.recordProgress(status.progress, for: request.id)
            } catch {
                logger.error("Recording progress failed", metadata: ["request.id": "\(request.id)", "error": "\(error)"])
            }
            return nil
        }
    }

    private func finish(_ request: ApprovalRequest, event: ApprovalEvent, detail: String?) async -> ApprovalRequest? {
        let transition: ApprovalTransition
        do {
            transition = try await store.apply(event, to: request.id, at: now(), by: nil, error: detail)
        } catch {
            logger.error("Recording a finished download failed", metadata: ["request.id": "\(request.id)", "error": "\(error)"])
            return nil
        }
        guard transition.moved else { return nil }
        let done = transition.request
        let completed = event == .complete
        await metrics.increment("upshift_downloads_total", ["outcome": completed ? "completed" : "error"])
        if completed {
            logger.info("Download completed", metadata: ["request.id": "\(done.id)", "torrent.hash": "\(done.torrentHash)"])
        } else {
            logger.error("Download failed", metadata: ["request.id": "\(done.id)", "error": "\(detail ?? "")"])
        }
        await coordinator.updateMessage(done)
        let settings = coordinator.settings
        if completed, settings.notifyDownloadComplete {
            await coordinator.notice(.completed, done)
        } else if !completed, settings.notifyDownloadError {
            await coordinator.notice(.error, done, detail: detail)
        }
        return done
    }
}

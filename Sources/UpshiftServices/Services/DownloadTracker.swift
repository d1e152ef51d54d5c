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
    /// Consecutive checks in which qBittorrent did not know a torrent.
    private var missing: [String: Int] = [:]
    /// Checks a torrent may be missing before its request fails (qBittorrent may still be loading it).
    let missingLimit: Int

    /// Creates the tracker.
    public init(
        store: any ApprovalStore, torrents: any TorrentClient, coordinator: ApprovalCoordinator, metrics: Metrics,
        logger: Logger, interval: Duration, missingLimit: Int = 3, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.torrents = torrents
        self.coordinator = coordinator
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
        self.missingLimit = missingLimit
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
        var finished: [ApprovalRequest] = []
        for request in downloading {
            let status: TorrentProgress?
            do {
                status = try await torrents.status(hash: request.torrentHash)
            } catch {
                await metrics.increment("upshift_errors_total", ["component": "qbittorrent"])
                logger.warning("Checking downloads failed", metadata: ["error": "\(error)"])
                return finished  // qBittorrent is down: try again next pass
            }
            if let done = await handle(request, status: status) { finished.append(done) }
        }
        return finished
    }

    /// Runs ``checkOnce()`` at once (downloads from before a restart carry on), then every interval.
    public func run() async throws {
        repeat {
            try? await cancelWhenGracefulShutdown { await self.checkOnce() }
        } while await pause(interval)
    }

    private func handle(_ request: ApprovalRequest, status: TorrentProgress?) async -> ApprovalRequest? {
        guard let status else {
            let count = (missing[request.id] ?? 0) + 1
            missing[request.id] = count
            guard count >= missingLimit else { return nil }
            missing[request.id] = nil
            return await finish(request, event: .fail, detail: "The torrent is no longer in qBittorrent.")
        }
        missing[request.id] = nil
        switch status.phase {
        case .completed:
            return await finish(request, event: .complete, detail: nil)
        case .failed:
            return await finish(request, event: .fail, detail: "qBittorrent reports the torrent as \(status.state).")
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

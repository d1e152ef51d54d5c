import Foundation
import Logging
import ServiceLifecycle

/// Runs the coordinator's periodic work as a service: expiry of unanswered requests (the
/// "expiry sweeper") and retries of unsent questions and of approved torrents qBittorrent could
/// not take, and delivery of the chat outbox (notices and edits Telegram did not take). At start it runs at once, so requests left over from before a restart carry on.
public struct WorkflowService: Service {
    let coordinator: ApprovalCoordinator
    let interval: Duration

    /// Creates the service; `interval` is the pause between two passes.
    public init(coordinator: ApprovalCoordinator, interval: Duration = .seconds(15)) {
        self.coordinator = coordinator
        self.interval = interval
    }

    /// Expires and retries every `interval` until shutdown.
    public func run() async throws {
        repeat {
            // Cut short on shutdown: an interrupted add is retried at the next start (adding twice is harmless).
            try? await cancelWhenGracefulShutdown {
                await coordinator.expireDue()
                await coordinator.retryDue()
                await coordinator.deliverOutbox()
                await coordinator.pruneIfDue()
            }
        } while await pause(interval)
    }
}

import Foundation
import Logging
import ServiceLifecycle
import UpshiftCore

/// Receives Download / Skip presses by long polling (SPEC §6): accepts them only from the
/// configured chat, answers each at once (the spinner stops, the presser reads the outcome), then
/// lets the coordinator edit the message and add the torrent.
public actor TelegramListener: Service {
    let callbacks: any ChatCallbackSource
    let coordinator: ApprovalCoordinator
    let chatID: String
    let metrics: Metrics
    let logger: Logger
    let longPollSeconds: Int
    let backoff: Backoff
    private var offset: Int64?
    private var failures = 0

    /// Creates the listener; presses from any chat but `chatID` are refused.
    public init(
        callbacks: any ChatCallbackSource, coordinator: ApprovalCoordinator, chatID: String, metrics: Metrics,
        logger: Logger, longPollSeconds: Int = 30, backoff: Backoff = Backoff(base: 2, cap: 300)
    ) {
        self.callbacks = callbacks
        self.coordinator = coordinator
        self.chatID = chatID
        self.metrics = metrics
        self.logger = logger
        self.longPollSeconds = longPollSeconds
        self.backoff = backoff
    }

    /// One long poll: waits up to `timeout` seconds and handles what arrives. Every press is
    /// answered first; then the slow follow-ups (message edits, torrent adds) run side by side, so
    /// one slow qBittorrent never delays the answer to another press. Returns the requests as they
    /// ended up after the presses that were accepted, in press order.
    @discardableResult
    public func pollOnce(timeout: Int) async throws -> [ApprovalRequest] {
        let batch = try await callbacks.callbacks(after: offset, timeout: timeout)
        offset = batch.nextOffset ?? offset
        var accepted: [ApprovalTransition] = []
        for callback in batch.callbacks {
            if let transition = await handle(callback) { accepted.append(transition) }
        }
        let coordinator = coordinator
        return await withTaskGroup(of: (Int, ApprovalRequest).self) { group in
            for (index, transition) in accepted.enumerated() {
                group.addTask { (index, await coordinator.followUp(transition)) }
            }
            var results: [(Int, ApprovalRequest)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Long-polls until shutdown; errors are logged and retried with backoff.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await self.pollOnce(timeout: self.longPollSeconds) }
                failures = 0
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
                failures += 1
                let delay = backoff.delay(afterAttempts: failures)
                await metrics.increment("upshift_errors_total", ["component": "telegram"])
                logger.warning(
                    "Telegram polling failed", metadata: ["error": "\(error)", "retry.in_seconds": "\(Int(delay))"])
                guard await pause(.seconds(delay)) else { break }
            }
        }
    }

    /// Checks, applies and answers one press; returns the transition to follow up.
    private func handle(_ callback: ChatCallback) async -> ApprovalTransition? {
        guard callback.chatID == chatID else {
            logger.warning(
                "Button press from another chat ignored",
                metadata: ["telegram.from": "\(callback.fromUserID)", "telegram.chat": "\(callback.chatID ?? "none")"])
            await answer(callback, "You are not allowed to answer this request.")
            return nil
        }
        guard let action = callback.action, let requestID = callback.requestID else {
            await answer(callback, "This button is not one of Upshift's.")
            return nil
        }
        let transition: ApprovalTransition
        do {
            transition = try await coordinator.answer(requestID, approve: action == .approve, by: "telegram")
        } catch {
            await answer(callback, String(describing: error))
            return nil
        }
        let text: String
        switch (action, transition.moved) {
        case (.approve, true): text = "Approved: adding the torrent to qBittorrent."
        case (.approve, false): text = "Already approved: nothing more is added."
        case (.skip, _): text = "Skipped."
        }
        await answer(callback, text)
        return transition
    }

    private func answer(_ callback: ChatCallback, _ text: String) async {
        do {
            try await callbacks.answer(callback, text: text)
        } catch {
            logger.warning("Answering a button press failed", metadata: ["error": "\(error)"])
        }
    }
}

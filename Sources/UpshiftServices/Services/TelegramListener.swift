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
    /// Where the update offset is kept across restarts (a press is never handled twice).
    let store: (any ApprovalStore)?
    private var offset: Int64?
    private var offsetLoaded = false
    private var failures = 0
    /// The key of the stored update offset.
    static let offsetKey = "telegram_update_offset"

    /// Creates the listener; presses from any chat but `chatID` are refused.
    public init(
        callbacks: any ChatCallbackSource, coordinator: ApprovalCoordinator, chatID: String, metrics: Metrics,
        logger: Logger, longPollSeconds: Int = 30, backoff: Backoff = Backoff(base: 2, cap: 300),
        store: (any ApprovalStore)? = nil
    ) {
        self.store = store
        self.callbacks = callbacks
        self.coordinator = coordinator
        self.chatID = chatID
        self.metrics = metrics
        self.logger = logger
        self.longPollSeconds = longPollSeconds
        self.backoff = backoff
    }

    /// One long poll: waits up to `timeout` seconds and handles what arrives, then runs the slow
    /// follow-ups (message edits, torrent adds) side by side and returns the requests as they
    /// ended up after the presses that were accepted, in press order. (``run()`` does not wait for
    /// the follow-ups: it goes back to polling at once.)
    @discardableResult
    public func pollOnce(timeout: Int) async throws -> [ApprovalRequest] {
        let accepted = await handle(try await receive(timeout: timeout))
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

    /// One long poll (the only part cut short by shutdown): the presses after the stored offset.
    func receive(timeout: Int) async throws -> CallbackBatch {
        if !offsetLoaded, let store {
            offset = try await store.stateValue(Self.offsetKey).flatMap { Int64($0) } ?? offset
            offsetLoaded = true
        }
        return try await callbacks.callbacks(after: offset, timeout: timeout)
    }

    /// Checks, applies and answers every press of a batch, then stores the offset: a press is
    /// confirmed to Telegram only once it was applied (a crash in between replays it, and answers
    /// are idempotent). Returns the accepted answers whose follow-ups are still to run.
    func handle(_ batch: CallbackBatch) async -> [ApprovalTransition] {
        var accepted: [ApprovalTransition] = []
        for callback in batch.callbacks {
            if let transition = await handle(callback) { accepted.append(transition) }
        }
        if let next = batch.nextOffset, next != offset {
            offset = next
            do {
                try await store?.setStateValue(String(next), for: Self.offsetKey)
            } catch {
                logger.error("Storing the Telegram update offset failed", metadata: ["error": "\(error)"])
            }
        }
        return accepted
    }

    /// Long-polls until shutdown; errors are logged and retried with backoff. The follow-ups of
    /// accepted presses run beside the polling, so a slow torrent add never delays the next press.
    public func run() async throws {
        let coordinator = coordinator
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                do {
                    let batch = try await cancelWhenGracefulShutdown {
                        try await self.receive(timeout: self.longPollSeconds)
                    }
                    failures = 0
                    let accepted = await handle(batch)
                    for transition in accepted { group.addTask { await coordinator.followUp(transition) } }
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

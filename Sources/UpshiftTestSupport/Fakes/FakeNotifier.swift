import Foundation
import UpshiftServices

/// A chat in memory: records questions, edits and notices, fails while ``down``, and hands out
/// button presses a test queues.
public actor FakeNotifier: ApprovalNotifier, ChatCallbackSource {
    /// Questions sent.
    public private(set) var sent: [ApprovalRequest] = []
    /// Message edits: the request as it was shown.
    public private(set) var edits: [ApprovalRequest] = []
    /// Notices sent.
    public private(set) var notices: [DownloadNotice] = []
    /// Answers to presses: callback id → text.
    public private(set) var answers: [(id: String, text: String)] = []
    /// While true every send throws.
    public var down = false
    /// How long each question takes to send (a slow Telegram), so tests can race other calls.
    public var sendDelay: Duration = .zero
    /// The `offset` of every `getUpdates` call, in order.
    public private(set) var offsetsAsked: [Int64?] = []
    private var queued: [ChatCallback] = []
    private var nextMessageID = 100
    private var updateID: Int64 = 0
    /// The chat the fake posts in.
    public let chatID: String

    /// A chat with this id.
    public init(chatID: String = "42") {
        self.chatID = chatID
    }

    /// Sets ``down``.
    public func setDown(_ value: Bool) { down = value }

    /// Sets ``sendDelay``.
    public func setSendDelay(_ value: Duration) { sendDelay = value }

    /// Queues a press for the next ``callbacks(after:timeout:)``.
    public func press(
        _ action: ChatCallback.Action, requestID: String, fromUser: Int64 = 42, chatID: String? = nil
    ) {
        updateID += 1
        queued.append(
            ChatCallback(
                id: "cb\(updateID)", fromUserID: fromUser, chatID: chatID ?? self.chatID, messageID: 100,
                action: action, requestID: requestID))
    }

    public func sendRequest(_ request: ApprovalRequest) async throws -> MessageRef {
        if sendDelay > .zero { try await Task.sleep(for: sendDelay) }
        guard !down else { throw FakeError.down("Telegram") }
        sent.append(request)
        nextMessageID += 1
        return MessageRef(chatID: chatID, messageID: nextMessageID)
    }

    /// While true every edit is refused for good (the message was deleted).
    public private(set) var editsRefused = false

    /// Sets ``editsRefused``.
    public func setEditsRefused(_ value: Bool) { editsRefused = value }

    public func updateRequest(_ request: ApprovalRequest, message: MessageRef) async throws {
        guard !down else { throw FakeError.down("Telegram") }
        if editsRefused { throw PermanentChatError("Telegram: message to edit not found") }
        edits.append(request)
    }

    public func sendNotice(_ notice: DownloadNotice) async throws {
        guard !down else { throw FakeError.down("Telegram") }
        notices.append(notice)
    }

    /// Alerts sent (warnings about the daemon itself).
    public private(set) var alerts: [String] = []

    public func sendAlert(_ text: String) async throws {
        guard !down else { throw FakeError.down("Telegram") }
        alerts.append(text)
    }

    public func callbacks(after offset: Int64?, timeout: Int) async throws -> CallbackBatch {
        guard !down else { throw FakeError.down("Telegram") }
        offsetsAsked.append(offset)
        // A long poll: waits up to `timeout` seconds for a press, as Telegram does.
        let deadline = ContinuousClock.now + .seconds(timeout)
        while queued.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let batch = queued
        queued = []
        return CallbackBatch(callbacks: batch, nextOffset: updateID + 1)
    }

    public func answer(_ callback: ChatCallback, text: String) async throws {
        answers.append((callback.id, text))
    }
}

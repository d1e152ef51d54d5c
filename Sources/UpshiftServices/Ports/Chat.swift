import Foundation

/// Where approval requests and notices are sent: Telegram in production (SPEC §6).
public protocol ApprovalNotifier: Sendable {
    /// Sends the question with Download / Skip buttons; returns where the message is.
    func sendRequest(_ request: ApprovalRequest) async throws -> MessageRef

    /// Edits the question's message to show the request's current state (buttons removed once
    /// the question is settled).
    func updateRequest(_ request: ApprovalRequest, message: MessageRef) async throws

    /// Sends a started / completed / error / expired notice.
    func sendNotice(_ notice: DownloadNotice) async throws

    /// Sends a warning about the daemon itself (one sentence, free of secrets), such as a
    /// qBittorrent that refused the login.
    func sendAlert(_ text: String) async throws
}

/// A chat message the chat refused for good (the message to edit was deleted, the text was
/// refused): retrying cannot help, so the outbox drops it. Adapters throw it; other errors are
/// retried.
public struct PermanentChatError: Error, Sendable, CustomStringConvertible {
    /// What was refused, free of secrets.
    public var description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// Button presses arriving from the chat (Telegram `getUpdates` long polling).
public protocol ChatCallbackSource: Sendable {
    /// Waits up to `timeout` seconds for button presses after `offset`; returns them with the
    /// offset to ask for next.
    func callbacks(after offset: Int64?, timeout: Int) async throws -> CallbackBatch

    /// Answers a press at once (stops the spinner), with a short text shown to the presser.
    func answer(_ callback: ChatCallback, text: String) async throws
}

/// Where a chat message is.
public struct MessageRef: Sendable, Hashable, Codable {
    /// The chat id (number or `@channel`).
    public var chatID: String
    /// The message id in that chat.
    public var messageID: Int

    /// Creates a reference.
    public init(chatID: String, messageID: Int) {
        self.chatID = chatID
        self.messageID = messageID
    }
}

/// One press of a Download or Skip button.
public struct ChatCallback: Sendable, Hashable {
    /// What the button asks for.
    public enum Action: String, Sendable, Hashable {
        case approve, skip
    }

    /// The callback query id, for the answer.
    public var id: String
    /// Who pressed.
    public var fromUserID: Int64
    /// The chat the message is in, when known.
    public var chatID: String?
    /// The message carrying the button, when known.
    public var messageID: Int?
    /// The button's action, or `nil` for data Upshift did not write.
    public var action: Action?
    /// The request the button belongs to.
    public var requestID: String?

    /// Creates a callback.
    public init(
        id: String, fromUserID: Int64, chatID: String?, messageID: Int?, action: Action?, requestID: String?
    ) {
        self.id = id
        self.fromUserID = fromUserID
        self.chatID = chatID
        self.messageID = messageID
        self.action = action
        self.requestID = requestID
    }
}

/// A batch of presses and the offset to continue from.
public struct CallbackBatch: Sendable {
    /// The presses, oldest first.
    public var callbacks: [ChatCallback]
    /// The offset for the next call (last update id + 1), or the one given when nothing arrived.
    public var nextOffset: Int64?

    /// Creates a batch.
    public init(callbacks: [ChatCallback], nextOffset: Int64?) {
        self.callbacks = callbacks
        self.nextOffset = nextOffset
    }
}

/// A notice about a download (SPEC §6: started / completed / error / expired).
public struct DownloadNotice: Sendable, Hashable {
    /// Which notice.
    public enum Kind: String, Sendable, Hashable {
        case started, completed, error, expired
    }

    /// Which notice.
    public var kind: Kind
    /// The request it is about.
    public var request: ApprovalRequest
    /// For errors: what went wrong (already free of secrets).
    public var detail: String?

    /// Creates a notice.
    public init(kind: Kind, request: ApprovalRequest, detail: String? = nil) {
        self.kind = kind
        self.request = request
        self.detail = detail
    }
}

import Foundation

/// A chat message waiting to be delivered: a notice or an edit of a request's question
/// (SPEC §7: if Telegram is down every message is kept and retried in order).
///
/// Messages are stored in SQLite (`outbox`) and delivered by ``ApprovalCoordinator/deliverOutbox()``
/// in the order they were queued, per request: a "completed" notice never goes out before the
/// "started" one it follows. An edit shows the request as it stands when it is delivered.
public struct OutboxMessage: Sendable, Hashable {
    /// What to deliver.
    public enum Kind: Sendable, Hashable {
        /// Edit the question's message to the request's current state (buttons removed).
        case edit
        /// Send a started / completed / error / expired notice.
        case notice(DownloadNotice.Kind)
        /// Send a warning about the daemon itself; the text is in `detail`.
        case alert

        /// The stored name: `edit`, `notice.started`, …
        public var rawValue: String {
            switch self {
            case .edit: "edit"
            case .alert: "alert"
            case .notice(let kind): "notice.\(kind.rawValue)"
            }
        }

        /// Reads a stored name.
        public init?(rawValue: String) {
            if rawValue == "edit" {
                self = .edit
            } else if rawValue == "alert" {
                self = .alert
            } else if rawValue.hasPrefix("notice."),
                let kind = DownloadNotice.Kind(rawValue: String(rawValue.dropFirst("notice.".count)))
            {
                self = .notice(kind)
            } else {
                return nil
            }
        }
    }

    /// The row id, in queue order (`nil` before it is stored).
    public var id: Int64?
    /// The request the message is about (empty for an alert).
    public var requestID: String
    /// What to deliver.
    public var kind: Kind
    /// For error notices: what went wrong (already free of secrets).
    public var detail: String?
    /// When it was queued.
    public var createdAt: Date
    /// Failed deliveries so far.
    public var attempts: Int
    /// Not before this time (after a failure).
    public var nextAttemptAt: Date?
    /// The last delivery error.
    public var lastError: String?

    /// Creates a message to queue.
    public init(
        id: Int64? = nil, requestID: String, kind: Kind, detail: String? = nil, createdAt: Date, attempts: Int = 0,
        nextAttemptAt: Date? = nil, lastError: String? = nil
    ) {
        self.id = id
        self.requestID = requestID
        self.kind = kind
        self.detail = detail
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

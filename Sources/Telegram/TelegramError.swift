import HTTPClientSupport

/// Why a Bot API call failed. A struct with a ``Kind`` to switch on, like `HTTPCallError`.
///
/// The bot token is in every request URL (`/bot<token>/…`); every text in this error has been
/// through a redactor that masks it, so the error can be logged and shown.
public struct TelegramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The Bot API answered `{"ok":false,"error_code":…,"description":…}`.
        case api(code: Int, description: String)
        /// HTTP 429 kept coming and waiting `retry_after` would exceed the client's cap.
        case rateLimited(retryAfter: Int)
        /// The reply was not the JSON the Bot API sends (a proxy's HTML page, a truncated body).
        case malformedReply(status: Int)
        /// No complete reply before the deadline.
        case timeout
        /// The Bot API could not be reached.
        case unreachable
        /// The reply was larger than the cap.
        case tooLarge(limit: Int)
        /// The client refused to send the request (a callback data longer than 64 bytes, …).
        case invalidRequest
    }

    /// What the reason is, for the daemon to decide what to do next.
    public enum Reason: Sendable, Hashable {
        /// 401: the token is wrong or revoked.
        case unauthorized
        /// 400 `chat not found`: the configured chat id is wrong or the bot is not in it.
        case chatNotFound
        /// 403: the bot was blocked or removed from the chat.
        case forbidden
        /// 409: another poller or a webhook uses this token.
        case conflict
        /// 400: the message to edit is gone or too old.
        case messageNotEditable
        /// 400: a callback query answered too late or twice (harmless).
        case queryTooOld
        /// 429 beyond the retry cap.
        case rateLimited
        /// Timeout, unreachable server, unreadable or oversized reply: try again later.
        case transport
        /// Anything else.
        case other
    }

    /// The Bot API method: `sendMessage`, `getUpdates`, …
    public let method: String
    /// What went wrong.
    public let kind: Kind
    /// A short, redacted detail (the underlying error, the start of an unreadable body).
    public let detail: String

    /// Creates an error; `detail` must already be redacted.
    public init(method: String, kind: Kind, detail: String = "") {
        self.method = method
        self.kind = kind
        self.detail = detail
    }

    /// The Bot API `error_code` (429 when rate limited), `nil` for transport failures.
    public var errorCode: Int? {
        switch kind {
        case .api(let code, _): code
        case .rateLimited: 429
        default: nil
        }
    }

    /// The Bot API `description`, when it answered one.
    public var apiDescription: String? {
        if case .api(_, let description) = kind { return description }
        return nil
    }

    /// The category of the failure.
    public var reason: Reason {
        switch kind {
        case .api(let code, let description):
            switch code {
            case 401: .unauthorized
            case 403: .forbidden
            case 409: .conflict
            case 429: .rateLimited
            case 400 where description.contains("chat not found"): .chatNotFound
            case 400 where description.contains("query is too old"): .queryTooOld
            case 400 where description.contains("message to edit not found") || description.contains("can't be edited"):
                .messageNotEditable
            default: .other
            }
        case .rateLimited: .rateLimited
        case .malformedReply, .timeout, .unreachable, .tooLarge: .transport
        case .invalidRequest: .other
        }
    }

    /// One sentence: the method, the code and the Bot API's description (or what failed).
    public var description: String {
        let what: String
        switch kind {
        case .api(let code, let description): what = "failed with error \(code): \(description)"
        case .rateLimited(let seconds): what = "was rate limited (retry after \(seconds) s) beyond the retry cap"
        case .malformedReply(let status): what = "got a reply that is not Bot API JSON (HTTP \(status))"
        case .timeout: what = "timed out"
        case .unreachable: what = "could not reach the Bot API"
        case .tooLarge(let limit): what = "got a reply larger than \(limit) bytes"
        case .invalidRequest: what = "was not sent"
        }
        return "Telegram \(method) \(what)" + (detail.isEmpty ? "." : ": \(detail).")
    }

    /// Maps a transport failure of ``HTTPCaller`` onto this type.
    init(_ error: HTTPCallError, method: String) {
        let kind: Kind
        switch error.kind {
        case .status(let code): kind = .malformedReply(status: code)
        case .malformed: kind = .malformedReply(status: 0)
        case .timeout: kind = .timeout
        case .unreachable: kind = .unreachable
        case .bodyTooLarge(let limit): kind = .tooLarge(limit: limit)
        }
        self.init(method: method, kind: kind, detail: error.detail)
    }
}

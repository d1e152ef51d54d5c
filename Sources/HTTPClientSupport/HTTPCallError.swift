/// Why an outbound HTTP call failed, naming the service, the (redacted) request and the status.
///
/// Shaped like AsyncHTTPClient's own errors: a struct with a ``Kind`` to switch on and a readable
/// one-sentence description. Every text in it has been through the caller's ``Redactor``.
public struct HTTPCallError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The server answered with a status the caller does not accept.
        case status(Int)
        /// No complete reply before the deadline.
        case timeout
        /// The server could not be reached (refused, reset, DNS, TLS).
        case unreachable
        /// The body was larger than the caller's cap.
        case bodyTooLarge(limit: Int)
        /// The reply could not be read as the expected format.
        case malformed
    }

    /// The outside system: `qBittorrent`, `Radarr`, `Plex`, `Telegram`, `feed`.
    public let service: String
    /// The request, redacted: `POST http://127.0.0.1:8080/api/v2/auth/login`.
    public let operation: String
    /// What went wrong.
    public let kind: Kind
    /// A short, redacted detail: the start of the body, or the underlying error.
    public let detail: String

    /// Creates an error; the texts must already be redacted.
    public init(service: String, operation: String, kind: Kind, detail: String) {
        self.service = service
        self.operation = operation
        self.kind = kind
        self.detail = detail
    }

    /// The HTTP status, when the error is a status error.
    public var status: Int? {
        if case .status(let code) = kind { return code }
        return nil
    }

    public var description: String {
        let what: String
        switch kind {
        case .status(let code): what = "answered HTTP \(code)"
        case .timeout: what = "timed out"
        case .unreachable: what = "could not be reached"
        case .bodyTooLarge(let limit): what = "sent a body larger than \(limit) bytes"
        case .malformed: what = "sent a reply that could not be read"
        }
        let tail = detail.isEmpty ? "" : ": \(detail)"
        return "\(service): \(operation) \(what)\(tail)"
    }
}

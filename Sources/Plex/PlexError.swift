import HTTPClientSupport

/// Why a Plex call failed. Every text in it has been redacted: the token never appears.
public enum PlexError: Error, Sendable, CustomStringConvertible {
    /// 401: the token is missing, wrong or revoked.
    case unauthorized(operation: String)
    /// 404: no such section or item.
    case notFound(operation: String)
    /// Any other non-2xx status (5xx above all), with the start of the body.
    case status(Int, operation: String, detail: String)
    /// A 2xx reply that is not the documented JSON.
    case malformed(operation: String, detail: String)
    /// The call did not complete: timeout, refused connection, body over the cap.
    case transport(HTTPCallError)
    /// More than half of the listed movies could not be read: the scan is not a library to keep.
    case incomplete(listed: Int, failed: Int)

    /// The HTTP status, when Plex answered one.
    public var status: Int? {
        switch self {
        case .unauthorized: 401
        case .notFound: 404
        case .status(let code, _, _): code
        case .malformed, .incomplete: nil
        case .transport(let error): error.status
        }
    }

    /// One sentence naming the problem, the request and the status.
    public var description: String {
        switch self {
        case .unauthorized(let operation):
            return "Plex refused the token (HTTP 401) for \(operation); check plex_token."
        case .notFound(let operation):
            return "Plex found nothing (HTTP 404) for \(operation)."
        case .status(let code, let operation, let detail):
            return "Plex answered HTTP \(code) for \(operation)\(detail.isEmpty ? "" : ": \(detail)")."
        case .malformed(let operation, let detail):
            return "Plex sent a reply to \(operation) that is not the expected JSON: \(detail)."
        case .transport(let error):
            return "\(error.description)."
        case .incomplete(let listed, let failed):
            return "Plex listed \(listed) movies but \(failed) of them could not be read; the scan is incomplete."
        }
    }
}

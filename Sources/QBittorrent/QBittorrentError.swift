import HTTPClientSupport

/// Every failure of this module: one sentence naming the problem (status, user, hash), never the password.
public enum QBittorrentError: Error, Sendable, CustomStringConvertible {
    /// Bytes that are not a usable `.torrent` file.
    case invalidTorrent(TorrentFileProblem)
    /// A string that is not a magnet URI with a v1 info-hash (the text says why).
    case invalidMagnet(String)
    /// A hash that is not 40 (v1, or truncated v2) or 64 (v2) hex characters.
    case invalidHash(String)
    /// qBittorrent refused the username or password (4.x `Fails.`, 5.x HTTP 401).
    case loginFailed(username: String)
    /// qBittorrent banned this client's IP after too many failed logins.
    case banned
    /// A login was refused earlier (``loginFailed(username:)`` or ``banned``), so this client no longer
    /// logs in and fails every call at once, without asking qBittorrent (see ``LoginRefusal``).
    case loginRefused(LoginRefusal)
    /// A call still answered 403 after one fresh login (or, with no credentials, the WebUI wants a login).
    case forbidden(operation: String, loginConfigured: Bool)
    /// qBittorrent refused the uploaded file as not a valid torrent (HTTP 415); `detail` is its message.
    case notATorrent(detail: String)
    /// qBittorrent answered `Fails.` (or 409) to an add, and the torrent is not in its list afterwards.
    case addFailed(hash: String)
    /// `createCategory` refused the name (invalid or empty); `detail` is qBittorrent's message.
    case categoryRejected(name: String, detail: String)
    /// qBittorrent could not be reached, or did not answer in time (connection refused, reset, DNS, deadline).
    case unreachable(HTTPCallError)
    /// Any other HTTP failure: an unexpected status, an unreadable or oversized reply.
    case http(HTTPCallError)

    /// True when trying again later may succeed (server down or busy, a 5xx). A refused login or a ban
    /// is not: the client does not log in again until it is rebuilt with new settings.
    public var isTransient: Bool {
        switch self {
        case .unreachable: true
        case .http(let error): (error.status ?? 0) >= 500
        default: false
        }
    }

    public var description: String {
        switch self {
        case .invalidTorrent(let problem):
            "Not a usable .torrent file: \(problem)."
        case .invalidMagnet(let why):
            "Not a usable magnet link: \(why)."
        case .invalidHash(let hash):
            "'\(hash.prefix(64))' is not a 40- or 64-character hex info-hash."
        case .loginFailed(let username):
            "qBittorrent refused the login for user '\(username)': wrong username or password."
        case .banned:
            "qBittorrent has banned this IP after too many failed logins; wait for the ban to expire "
                + "(1 hour by default) or restart qBittorrent."
        case .loginRefused(let refusal):
            refusal.description
        case .forbidden(let operation, let loginConfigured):
            loginConfigured
                ? "qBittorrent answered HTTP 403 to \(operation) even after a fresh login."
                : "qBittorrent answered HTTP 403 to \(operation): its WebUI wants a login, so set the qBittorrent "
                    + "username and password, or let the WebUI bypass authentication for this host."
        case .notATorrent(let detail):
            "qBittorrent refused the file as not a valid torrent (HTTP 415): \(detail)"
        case .addFailed(let hash):
            "qBittorrent did not add torrent \(hash) and does not list it."
        case .categoryRejected(let name, let detail):
            "qBittorrent refused to create category '\(name)': \(detail)"
        case .unreachable(let error), .http(let error):
            "\(error)."
        }
    }

    /// Maps a transport failure: refused/timeout → ``unreachable(_:)``, the rest → ``http(_:)``.
    init(_ error: HTTPCallError) {
        switch error.kind {
        case .unreachable, .timeout: self = .unreachable(error)
        default: self = .http(error)
        }
    }
}

import Foundation

/// Why a ``QBittorrentClient`` has stopped logging in.
///
/// qBittorrent counts every failed login from an IP and never forgets one while it runs; the fifth
/// (`WebUI\MaxAuthenticationFailCount`) bans the IP for an hour, and a try every few minutes renews the
/// ban for ever (locking out Radarr on the same host too). So after one refusal the client never asks
/// again: the refusal lasts as long as the client, which the daemon rebuilds when its settings change
/// or it restarts.
public struct LoginRefusal: Sendable, Hashable, CustomStringConvertible {
    /// What qBittorrent answered.
    public enum Reason: Sendable, Hashable {
        /// Wrong username or password (4.x `Fails.`, 5.x HTTP 401).
        case wrongCredentials
        /// This IP is banned after too many failed logins (HTTP 403 with the ban text).
        case banned
    }

    /// What qBittorrent answered.
    public let reason: Reason
    /// The username that was refused.
    public let username: String
    /// When it was refused.
    public let since: Date

    /// Creates a refusal.
    public init(reason: Reason, username: String, since: Date = Date()) {
        self.reason = reason
        self.username = username
        self.since = since
    }

    /// One sentence for the owner: what happened and what to do (never the password).
    public var description: String {
        switch reason {
        case .wrongCredentials:
            "qBittorrent refused the login for user '\(username)' (wrong username or password); Upshift no longer "
                + "logs in, so that qBittorrent does not ban this IP: correct the qBittorrent settings or restart Upshift."
        case .banned:
            "qBittorrent has banned this IP after too many failed logins; Upshift no longer logs in: once the ban is "
                + "over (1 hour by default, or restart qBittorrent), check the qBittorrent settings and restart Upshift."
        }
    }
}

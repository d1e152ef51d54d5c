import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

extension QBittorrentClient {
    // MARK: - Login

    /// Logs in now (done automatically before the first call and after a 403; a no-op without credentials).
    ///
    /// - Throws: ``QBittorrentError/loginFailed(username:)`` for wrong credentials (4.x `Fails.`, 5.x 401,
    ///   or a refusal less than `loginRetryDelay` ago), ``QBittorrentError/banned`` when qBittorrent has
    ///   banned this IP, or a transport error.
    public func login() async throws {
        guard logsIn else { return }
        if let failed = lastLoginFailure, ContinuousClock.now - failed < loginRetryDelay {
            throw QBittorrentError.loginFailed(username: username)
        }
        session = nil
        let reply = try await perform(
            .POST, "auth/login", body: .form([("username", username), ("password", password.exposedValue)])
        )
        let body = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch reply.status {
        case 200..<300 where body != "Fails.":
            keepSessionCookie(from: reply, preferring: "SID", acceptOther: true)
            sessionGeneration += 1
            lastLoginFailure = nil
            logger.info("qBittorrent login", metadata: ["qbittorrent.user": "\(username)"])
        case 200..<300, 401:
            lastLoginFailure = .now
            logger.warning("qBittorrent login refused", metadata: ["qbittorrent.user": "\(username)"])
            throw QBittorrentError.loginFailed(username: username)
        case 403 where body.lowercased().contains("banned"):
            logger.error("qBittorrent banned this IP", metadata: ["qbittorrent.user": "\(username)"])
            throw QBittorrentError.banned
        default:
            throw QBittorrentError.http(caller.statusError(reply))
        }
    }

    /// Reads the session cookie from `Set-Cookie`: the one named `preferred`, or (when `acceptOther`)
    /// the first cookie set; an emptied cookie (logout) ends the session.
    func keepSessionCookie(from reply: HTTPReply, preferring preferred: String, acceptOther: Bool) {
        let cookies = reply.headers["Set-Cookie"].compactMap { header -> (name: String, value: String)? in
            guard let pair = header.split(separator: ";", maxSplits: 1).first,
                let equals = pair.firstIndex(of: "=")
            else { return nil }
            let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
            let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : (name, value)
        }
        guard let cookie = cookies.first(where: { $0.name == preferred }) ?? (acceptOther ? cookies.first : nil) else {
            return
        }
        session = cookie.value.isEmpty ? nil : cookie
    }

    // MARK: - Version

    /// The server's application and WebAPI versions (asked once, then cached).
    public func version() async throws -> QBittorrentVersion {
        if let cachedVersion { return cachedVersion }
        let application = try requireSuccess(try await send(.GET, "app/version")).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let apiReply = try requireSuccess(try await send(.GET, "app/webapiVersion"))
        guard let api = QBittorrentVersion.APIVersion(apiReply.text) else {
            throw QBittorrentError.http(caller.malformed(apiReply, "webapiVersion is not a dotted version"))
        }
        let version = QBittorrentVersion(application: application, webAPI: api)
        cachedVersion = version
        logger.info(
            "qBittorrent version",
            metadata: ["qbittorrent.version": "\(application)", "qbittorrent.webapi": "\(api)"]
        )
        return version
    }
}

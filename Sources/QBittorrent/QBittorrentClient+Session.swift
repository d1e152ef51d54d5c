import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

extension QBittorrentClient {
    // MARK: - Login

    /// Logs in now (done automatically before the first call and after a 403; a no-op without credentials).
    /// A login already in progress is shared, not repeated.
    ///
    /// - Throws: ``QBittorrentError/loginFailed(username:)`` for wrong credentials (4.x `Fails.`, 5.x 401),
    ///   ``QBittorrentError/banned`` when qBittorrent has banned this IP, then
    ///   ``QBittorrentError/loginRefused(_:)`` for every later call without asking again; or a transport error.
    public func login() async throws {
        guard logsIn else { return }
        if let loginRefusal { throw QBittorrentError.loginRefused(loginRefusal) }
        if loginWaiters != nil {
            try await withCheckedThrowingContinuation { waiter in
                if loginWaiters == nil { waiter.resume() } else { loginWaiters?.append(waiter) }
            }
            return
        }
        loginWaiters = []
        let outcome: Result<Void, any Error>
        do {
            try await askToLogIn()
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        let waiters = loginWaiters ?? []
        loginWaiters = nil
        for waiter in waiters { waiter.resume(with: outcome) }
        try outcome.get()
    }

    /// One `auth/login` exchange; a refusal is remembered for the life of the client.
    private func askToLogIn() async throws {
        session = nil
        let reply = try await perform(
            .POST, "auth/login", body: .form([("username", username), ("password", password.exposedValue)])
        )
        let body = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch reply.status {
        case 200..<300 where body != "Fails.":
            keepSessionCookie(from: reply, preferring: "SID", acceptOther: true)
            sessionGeneration += 1
            logger.info("qBittorrent login", metadata: ["qbittorrent.user": "\(username)"])
        case 200..<300, 401:
            loginRefusal = LoginRefusal(reason: .wrongCredentials, username: username)
            logger.error("qBittorrent login refused, not trying again", metadata: ["qbittorrent.user": "\(username)"])
            throw QBittorrentError.loginFailed(username: username)
        case 403 where body.lowercased().contains("banned"):
            loginRefusal = LoginRefusal(reason: .banned, username: username)
            logger.error("qBittorrent banned this IP, not trying again", metadata: ["qbittorrent.user": "\(username)"])
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

import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import NIOCore
import NIOHTTP1
import UpshiftSettings

/// A qBittorrent WebUI API v2 client (4.x and 5.x): login with an SID cookie, add from a `.torrent`
/// file or a magnet, read a torrent by hash, categories.
///
/// An actor because it owns the session cookie, the cached server version and the categories it has
/// ensured. With an empty username or password it never logs in ("LAN-only": the WebUI bypasses
/// authentication for this host). Otherwise it logs in before the first call, reads `Set-Cookie`
/// itself (so an IP-address host works; no cookie jar) and sends `Cookie: SID=…` with no
/// `Origin`/`Referer`; a call answered 403 logs in again once and is retried once. Concurrent calls
/// share one login. After a refused login (wrong credentials or a ban) it never logs in again:
/// ``loginRefusal`` says why, and every call fails at once with ``QBittorrentError/loginRefused(_:)``,
/// so a wrong password cannot reach qBittorrent's ban threshold (5 failures) however long the daemon
/// runs; new settings or a restart build a new client. The password appears in no log or error.
public actor QBittorrentClient {
    /// The WebUI base URL (`http://10.0.0.63:8080`; a path prefix behind a reverse proxy is kept).
    public nonisolated let baseURL: URL
    /// The WebUI username; empty = no login.
    public nonisolated let username: String
    let password: Secret
    let caller: HTTPCaller
    let logger: Logger

    /// The session cookie (`name`, `value`) from the last `Set-Cookie`, if any.
    var session: (name: String, value: String)?
    /// Bumped by every successful login, so concurrent calls refused with the same old SID log in once.
    var sessionGeneration = 0
    /// Set by a refused login, and never cleared: this client does not log in again.
    public internal(set) var loginRefusal: LoginRefusal?
    /// Calls waiting for the login in progress, if one is (so concurrent calls log in once).
    var loginWaiters: [CheckedContinuation<Void, any Error>]?
    /// `app/version` + `app/webapiVersion`, read once.
    var cachedVersion: QBittorrentVersion?
    /// Categories created or seen, so `add` does not ask again.
    var knownCategories: Set<String> = []
    /// The other name qBittorrent may list a torrent under, by v1 hash: learned from an added `.torrent`
    /// (the truncated v2 hash of a hybrid, or the v1 hash itself) or from a search of the whole list.
    var listedNames: [String: String] = [:]

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: the WebUI address, e.g. `Settings.qbittorrentBaseURL`.
    ///   - username: the WebUI username; empty (or an empty password) = no login.
    ///   - password: the WebUI password.
    ///   - httpClient: one that does not follow redirects (``HTTPClient/noRedirects``), so the login and
    ///     the session cookie never reach another origin.
    ///   - logger: where calls, logins and adds are logged (never the password).
    ///   - timeout: the deadline of each HTTP call.
    public init(
        baseURL: URL, username: String, password: Secret, httpClient: HTTPClient, logger: Logger,
        timeout: Duration = .seconds(15)
    ) {
        self.baseURL = baseURL
        self.username = username
        self.password = password
        self.logger = logger
        self.caller = HTTPCaller(
            client: httpClient, service: "qBittorrent", redactor: Redactor(secrets: [password.exposedValue]),
            timeout: timeout, logger: logger
        )
    }

    /// True when credentials are configured (both a username and a password).
    public nonisolated var logsIn: Bool { !username.isEmpty && password.isSet }

    // MARK: - Calls

    /// A request body.
    enum Body {
        case none
        case form([(String, String)])
        case multipart(MultipartFormBody)
    }

    /// Sends one API call with the session: logs in first when needed, and on a 403 logs in again
    /// once and retries once. Non-2xx replies other than 403 are returned for the caller to read.
    func send(
        _ method: HTTPMethod, _ endpoint: String, query: [(String, String)] = [], body: Body = .none,
        maxBodyBytes: Int? = nil
    ) async throws -> HTTPReply {
        if logsIn && session == nil { try await login() }
        let generation = sessionGeneration
        let reply = try await perform(method, endpoint, query: query, body: body, maxBodyBytes: maxBodyBytes)
        guard reply.status == 403 else { return reply }
        guard logsIn else { throw QBittorrentError.forbidden(operation: reply.operation, loginConfigured: false) }
        if generation == sessionGeneration {  // otherwise another call has logged in meanwhile: just retry
            logger.info(
                "qBittorrent session refused, logging in again", metadata: ["qbittorrent.endpoint": "\(endpoint)"])
            try await login()
        }
        let retried = try await perform(method, endpoint, query: query, body: body, maxBodyBytes: maxBodyBytes)
        guard retried.status != 403 else {
            throw QBittorrentError.forbidden(operation: retried.operation, loginConfigured: true)
        }
        return retried
    }

    /// One HTTP exchange: URL, cookie, body; keeps any session cookie the reply sets.
    func perform(
        _ method: HTTPMethod, _ endpoint: String, query: [(String, String)] = [], body: Body = .none,
        maxBodyBytes: Int? = nil
    ) async throws -> HTTPReply {
        var url = apiURL(endpoint)
        if !query.isEmpty { url += "?" + FormEncoding.encode(query) }
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let session { request.headers.add(name: "Cookie", value: "\(session.name)=\(session.value)") }
        switch body {
        case .none:
            break
        case .form(let fields):
            request.setForm(fields)
        case .multipart(let multipart):
            request.headers.replaceOrAdd(name: "Content-Type", value: multipart.contentType)
            request.body = .bytes(ByteBuffer(bytes: multipart.finished()))
        }
        let reply: HTTPReply
        do {
            reply = try await caller.send(request, maxBodyBytes: maxBodyBytes)
        } catch let error as HTTPCallError {
            throw QBittorrentError(error)
        }
        keepSessionCookie(from: reply, preferring: session?.name ?? "SID", acceptOther: false)
        return reply
    }

    /// `reply` when it is 2xx; otherwise the typed status error.
    func requireSuccess(_ reply: HTTPReply) throws -> HTTPReply {
        guard reply.isSuccess else { throw QBittorrentError.http(caller.statusError(reply)) }
        return reply
    }

    /// The start of a reply's body, redacted, for error texts.
    func snippet(_ reply: HTTPReply) -> String {
        caller.redactor(reply.text.prefix(200).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `BASE/api/v2/ENDPOINT`, keeping a path prefix in the base URL.
    nonisolated func apiURL(_ endpoint: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/api/v2/\(endpoint)"
    }
}

import HTTPTypes
import Hummingbird
import UpshiftSettings

/// Guards against DNS rebinding on every bind: a page on `evil.example` whose name the attacker
/// re-points at the daemon's address reaches it from the victim's browser, but its requests still
/// carry `Host: evil.example`. So every request whose `Host` (every copy of it) is not allowed by
/// ``AllowedHosts`` is refused with a 403 JSON error, before the API key or any route is looked at.
struct AllowedHostMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Which `Host` names are answered.
    let allowed: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        // HTTP/1 puts the first Host header in `authority`; any further copy stays a header field.
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .hostHeader]
        guard !hosts.isEmpty, hosts.allSatisfy(allowed.allows(hostHeader:)) else {
            throw APIError(
                .forbidden,
                "Upshift answers only to loopback names (localhost, 127.0.0.1, [::1]), its web_host and the names "
                    + "in web_allowed_hosts: add this host name to web_allowed_hosts to use it.")
        }
        return try await next(request, context)
    }
}

/// The `Host` names a daemon answers to: loopback names and addresses, `web_host` itself, and every
/// name in `web_allowed_hosts`. A wildcard bind (`0.0.0.0`, `::`) also answers any IP address, since
/// DNS rebinding needs a DNS name; a name then works only once `web_allowed_hosts` lists it.
struct AllowedHosts: Sendable {
    /// Normalised names and addresses allowed besides loopback.
    let names: Set<String>
    /// True for a wildcard bind: any IP address is allowed.
    let anyAddress: Bool

    /// The names allowed by `settings`.
    init(settings: Settings) {
        var names = Set(settings.webAllowedHosts.compactMap(WebHostName.normalized(_:)))
        if let bound = WebHostName.normalized(settings.webHost) { names.insert(bound) }
        self.names = names
        anyAddress = WebHostName.isWildcard(settings.webHost)
    }

    /// True when a `Host` header value (`upshift.lan:8787`, `[::1]`) names an allowed host.
    func allows(hostHeader value: String) -> Bool {
        guard let host = WebHostName.normalized(hostHeader: value) else { return false }
        return WebHostName.isLoopback(host) || names.contains(host) || (anyAddress && WebHostName.isIPAddress(host))
    }
}

extension HTTPField.Name {
    /// `Host`: HTTP/1 turns the first one into the request's `authority` (HTTPTypes marks `.host`
    /// unavailable for that reason); a repeated one stays a field.
    static let hostHeader = HTTPField.Name("Host")!
}

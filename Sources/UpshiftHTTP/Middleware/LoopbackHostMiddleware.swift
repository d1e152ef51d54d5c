import HTTPTypes
import Hummingbird

/// Guards a daemon bound to loopback against DNS rebinding: a page on `evil.example` whose name the
/// attacker re-points at 127.0.0.1 reaches the daemon from the victim's browser, but its requests still
/// carry `Host: evil.example`. So when `web_host` is a loopback address, every request whose `Host`
/// (every copy of it) is not a loopback name or address is refused with a 403 JSON error, before the
/// API key or any route is looked at. A daemon bound to anything else (`0.0.0.0`, a LAN address) is
/// meant to be reached under other names and lets every `Host` through.
struct LoopbackHostMiddleware<Context: RequestContext>: RouterMiddleware {
    /// True when `web_host` is loopback, so `Host` is checked.
    let enforced: Bool

    /// A guard for a daemon listening on `webHost`.
    init(webHost: String) {
        enforced = LoopbackHost.isLoopback(webHost)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard enforced else { return try await next(request, context) }
        // HTTP/1 puts the first Host header in `authority`; any further copy stays a header field.
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .hostHeader]
        guard !hosts.isEmpty, hosts.allSatisfy(LoopbackHost.isLoopback(hostHeader:)) else {
            throw APIError(
                .forbidden, "Upshift listens on loopback only: address it as localhost, 127.0.0.1 or [::1].")
        }
        return try await next(request, context)
    }
}

/// Loopback names and addresses: `localhost`, 127.0.0.0/8 and `::1`.
enum LoopbackHost {
    /// True for a `Host` header value (`localhost:8787`, `127.0.0.1`, `[::1]:8787`) naming loopback.
    static func isLoopback(hostHeader value: String) -> Bool {
        var host = Substring(value)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return false }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.firstIndex(of: ":"), !host[host.index(after: colon)...].contains(":") {
            guard isPort(host[host.index(after: colon)...]) else { return false }
            host = host[..<colon]
        }
        return isLoopback(String(host))
    }

    /// True for a bare host (`web_host`): `localhost`, an IPv4 address in 127.0.0.0/8, or `::1`
    /// (bracketed or not).
    static func isLoopback(_ host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "localhost." || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && Int(octet)! <= 255
        }
    }

    /// Digits only, at most 65535; an empty port (`localhost:`) is allowed, as RFC 3986 allows it.
    private static func isPort(_ text: Substring) -> Bool {
        text.isEmpty || (text.count <= 5 && text.allSatisfy(\.isASCIIDigit) && Int(text)! <= 65535)
    }
}

extension Character {
    /// `0`–`9` only (not other Unicode digits).
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension HTTPField.Name {
    /// `Host`: HTTP/1 turns the first one into the request's `authority` (HTTPTypes marks `.host`
    /// unavailable for that reason); a repeated one stays a field.
    static let hostHeader = HTTPField.Name("Host")!
}

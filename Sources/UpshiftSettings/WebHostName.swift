#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Host names and addresses as the web server compares them: `web_host`, the entries of
/// `web_allowed_hosts` and the `Host` header of each request.
///
/// A normalised host is lower case, without IPv6 brackets or a trailing dot, and an IP address is
/// written in its canonical form (`0:0:0:0:0:0:0:1` → `::1`), so equal hosts compare equal.
public enum WebHostName {
    /// `host` normalised, or `nil` when it is not a host name or IP address (a port, a scheme, a
    /// path, spaces or an empty text). IPv6 may be given with or without brackets.
    public static func normalized(_ host: String) -> String? {
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") {
            text = String(text.dropFirst().dropLast())
            return ipv6(text)
        }
        if text.contains(":") { return ipv6(text) }
        if let address = ipv4(text) { return address }
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty, text.utf8.count <= 253, !text.hasPrefix("."), !text.contains(".."),
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
        else { return nil }
        return text
    }

    /// The host of a `Host` header value (`localhost:8787`, `[::1]:8787`, `upshift.lan`), normalised;
    /// `nil` for anything else. The port, when present, must be digits up to 65535 (or empty).
    public static func normalized(hostHeader value: String) -> String? {
        var host = Substring(value)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return nil }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return nil }
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.hasPrefix(":") else { return nil }
        let text = String(host)
        // A bare IPv6 address without brackets is not a valid Host header.
        if !text.hasPrefix("["), text.contains(":") { return nil }
        return normalized(text)
    }

    /// True for a loopback name or address: `localhost`, 127.0.0.0/8 or `::1` (any spelling).
    public static func isLoopback(_ host: String) -> Bool {
        guard let host = normalized(host) else { return false }
        return host == "localhost" || host == "::1" || (isIPv4(host) && host.hasPrefix("127."))
    }

    /// True for the wildcard addresses `0.0.0.0` and `::`, which listen on every interface.
    public static func isWildcard(_ host: String) -> Bool {
        let host = normalized(host)
        return host == "0.0.0.0" || host == "::"
    }

    /// True for a normalised IP address (rather than a name).
    public static func isIPAddress(_ normalizedHost: String) -> Bool {
        isIPv4(normalizedHost) || normalizedHost.contains(":")
    }

    // MARK: - Private

    private static func isIPv4(_ host: String) -> Bool { ipv4(host) == host }

    /// Digits only, at most 65535; an empty port (`localhost:`) is allowed, as RFC 3986 allows it.
    private static func isPort(_ text: Substring) -> Bool {
        text.isEmpty || (text.count <= 5 && text.allSatisfy { ("0"..."9").contains($0) } && Int(text)! <= 65535)
    }

    /// A dotted-quad IPv4 address in canonical form, or `nil`.
    private static func ipv4(_ text: String) -> String? {
        canonical(text, family: AF_INET, size: 4, textSize: Int(INET_ADDRSTRLEN))
    }

    /// An IPv6 address in canonical form (lower case, zeros compressed), or `nil`.
    private static func ipv6(_ text: String) -> String? {
        canonical(text, family: AF_INET6, size: 16, textSize: Int(INET6_ADDRSTRLEN))
    }

    private static func canonical(_ text: String, family: Int32, size: Int, textSize: Int) -> String? {
        guard !text.isEmpty, text.utf8.count < textSize else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        guard inet_pton(family, text, &bytes) == 1 else { return nil }
        var out = [CChar](repeating: 0, count: textSize)
        guard inet_ntop(family, bytes, &out, socklen_t(textSize)) != nil else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

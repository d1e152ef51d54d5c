/// Web UI sessions opened by logging in with `web_api_key`: random tokens kept in memory (a
/// restart asks for the key again). The cookie carries the token, never the key.
public actor SessionStore {
    private var tokens: Set<String> = []

    /// No sessions.
    public init() {}

    /// Opens a session and returns its token.
    public func open() -> String {
        let token = RandomToken.make()
        tokens.insert(token)
        return token
    }

    /// True for a token this store opened.
    public func isOpen(_ token: String) -> Bool { tokens.contains(token) }

    /// Closes a session.
    public func close(_ token: String) { tokens.remove(token) }
}

/// 32 random lowercase hex characters (128 bits): session and CSRF tokens.
enum RandomToken {
    /// A fresh token.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// True for exactly what ``make()`` produces: 32 characters of `0-9a-f`. A cookie that is anything
    /// else was not minted here (and may hold markup), so it is replaced rather than echoed.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 32 && token.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

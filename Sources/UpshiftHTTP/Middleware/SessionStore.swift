import Foundation

/// Web UI sessions opened by logging in with `web_api_key`: random tokens kept in memory with
/// their expiry (a restart asks for the key again). The cookie carries the token, never the key.
/// A session ends after `lifetime` seconds (`web_session_days`) or when the owner logs out; at most
/// `capacity` sessions are kept, the oldest ending first.
public actor SessionStore {
    private var expiries: [String: Date] = [:]
    private let capacity: Int
    private let now: @Sendable () -> Date

    /// How long a session lasts, in seconds.
    public nonisolated let lifetime: TimeInterval

    /// No sessions; each one will last `days` days.
    public init(days: Int = 30, capacity: Int = 1000, now: @escaping @Sendable () -> Date = Date.init) {
        lifetime = TimeInterval(days) * 86_400
        self.capacity = capacity
        self.now = now
    }

    /// Opens a session and returns its token.
    public func open() -> String {
        let time = now()
        if expiries.count >= capacity {
            expiries = expiries.filter { $0.value > time }
            if expiries.count >= capacity, let oldest = expiries.min(by: { $0.value < $1.value })?.key {
                expiries[oldest] = nil
            }
        }
        let token = RandomToken.make()
        expiries[token] = time.addingTimeInterval(lifetime)
        return token
    }

    /// True for a token this store opened that has neither expired nor been closed.
    public func isOpen(_ token: String) -> Bool {
        guard let expiry = expiries[token] else { return false }
        guard expiry > now() else {
            expiries[token] = nil
            return false
        }
        return true
    }

    /// Closes a session (logging out).
    public func close(_ token: String) { expiries[token] = nil }
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

import Foundation

/// Exponential backoff for retries: `base × 2^(attempts−1)`, capped, so a down qBittorrent or
/// Telegram is retried soon at first and then without hammering it.
public struct Backoff: Sendable, Hashable {
    /// Delay after the first failure.
    public var base: TimeInterval
    /// Longest delay.
    public var cap: TimeInterval

    /// Creates a backoff.
    public init(base: TimeInterval = 15, cap: TimeInterval = 900) {
        self.base = base
        self.cap = cap
    }

    /// The delay after `attempts` consecutive failures (1 = the first failure).
    public func delay(afterAttempts attempts: Int) -> TimeInterval {
        guard attempts > 0 else { return 0 }
        let exponent = min(attempts - 1, 30)
        return min(cap, base * pow(2, Double(exponent)))
    }
}

import Foundation

/// Counts failed attempts at `web_api_key` (wrong logins, wrong `X-Api-Key`) per client address:
/// after `maxFailures` within `window` seconds, the address is refused for `window` seconds, even
/// with the right key, which makes guessing the key hopeless. A success resets no count, its own
/// or anyone else's. The table holds at most `capacity` addresses: when it is full, finished
/// entries go first, then the oldest entry that is not blocked.
actor FailureLimiter {
    private struct Entry {
        /// When the first failure of the current window happened.
        var windowStart: Date
        /// Failures in the current window.
        var failures: Int
        /// Refused until then, once `maxFailures` is reached.
        var blockedUntil: Date?
    }

    private let maxFailures: Int
    private let window: TimeInterval
    private let capacity: Int
    private let now: @Sendable () -> Date
    private var entries: [String: Entry] = [:]

    /// A limiter of `maxFailures` per `window` seconds, for at most `capacity` addresses.
    init(
        maxFailures: Int = 5, window: TimeInterval = 60, capacity: Int = 10_000,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.maxFailures = maxFailures
        self.window = window
        self.capacity = capacity
        self.now = now
    }

    /// Whole seconds `client` must wait before trying again (for `Retry-After`), or `nil` when it
    /// may try now.
    func retryAfter(_ client: String) -> Int? {
        guard let until = entries[client]?.blockedUntil else { return nil }
        let left = until.timeIntervalSince(now())
        return left > 0 ? max(1, Int(left.rounded(.up))) : nil
    }

    /// Records one failure of `client`.
    func recordFailure(_ client: String) {
        let time = now()
        var entry = entries[client] ?? Entry(windowStart: time, failures: 0)
        if entry.blockedUntil.map({ $0 <= time }) ?? (time.timeIntervalSince(entry.windowStart) >= window) {
            entry = Entry(windowStart: time, failures: 0)
        }
        entry.failures += 1
        if entry.failures >= maxFailures, entry.blockedUntil == nil {
            entry.blockedUntil = time.addingTimeInterval(window)
        }
        if entries[client] == nil, entries.count >= capacity { makeRoom(at: time) }
        entries[client] = entry
    }

    /// The number of addresses remembered.
    var clientCount: Int { entries.count }

    /// Drops finished entries; if none was, the oldest entry that is not blocked (or, when every
    /// entry is blocked, the one whose block ends first).
    private func makeRoom(at time: Date) {
        entries = entries.filter { isLive($0.value, at: time) }
        guard entries.count >= capacity else { return }
        let unblocked = entries.filter { $0.value.blockedUntil == nil }
        let victim =
            unblocked.min { $0.value.windowStart < $1.value.windowStart }?.key
            ?? entries.min { $0.value.blockedUntil! < $1.value.blockedUntil! }?.key
        if let victim { entries[victim] = nil }
    }

    /// True while an entry still counts: blocked, or inside its window.
    private func isLive(_ entry: Entry, at time: Date) -> Bool {
        if let until = entry.blockedUntil { return until > time }
        return time.timeIntervalSince(entry.windowStart) < window
    }
}

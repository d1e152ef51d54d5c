import Foundation
import Synchronization

/// A clock a test moves by hand, for expiry and backoff without sleeping (STYLE: inject `now`).
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock at `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    /// The time now.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(_ seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// A `now` closure reading this clock.
    public var closure: @Sendable () -> Date { { [self] in self.now } }
}

import Logging
import ServiceLifecycle
import Testing
import UpshiftCLI

/// A service that ignores graceful shutdown (a call stuck on a dead server) cannot hold the
/// daemon past its shutdown limit.
@Suite struct ShutdownLimitTests {
    /// Works for `seconds` whatever happens, unless cancelled.
    struct Stubborn: Service {
        let seconds: Int
        func run() async throws { try await Task.sleep(for: .seconds(seconds)) }
    }

    @Test func aServiceThatIgnoresShutdownIsCancelledAfterTheLimit() async throws {
        let group = Daemon.serviceGroup(
            [Stubborn(seconds: 90)], signals: false, shutdownLimit: .milliseconds(300),
            logger: Logger(label: "test"))
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try? await group.run() }
            try await Task.sleep(for: .milliseconds(100))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(ContinuousClock.now - started < .seconds(45))  // generous: a loaded CI machine is slow
    }
}

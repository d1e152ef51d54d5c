import Synchronization

/// Runs `operation` in a task of its own and returns its result, or `nil` when `limit` passes
/// first. The operation is then cancelled but not waited for: a call stuck where cancellation
/// cannot reach (a read from a hung network mount) cannot hold the caller.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async -> T) async -> T? {
    let gate = ResumeOnce<T?>()
    return await withCheckedContinuation { continuation in
        gate.arm(continuation)
        let work = Task {
            let value = await operation()
            gate.resume(value)
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            if gate.resume(nil) { work.cancel() }
        }
        gate.onResume { timer.cancel() }
    }
}

/// A continuation resumed exactly once, by whichever side comes first.
private final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, Never>?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    /// Stores the continuation to resume.
    func arm(_ continuation: CheckedContinuation<T, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Runs `cleanup` once resumed (at once when already resumed).
    func onResume(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = cleanup
            return false
        }
        if runNow { cleanup() }
    }

    /// Resumes with `value` unless already resumed; true when this call resumed it.
    @discardableResult
    func resume(_ value: T) -> Bool {
        let (continuation, cleanup) = state.withLock { state -> (CheckedContinuation<T, Never>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (nil, nil) }
            state.done = true
            defer {
                state.continuation = nil
                state.cleanup = nil
            }
            return (state.continuation, state.cleanup)
        }
        guard let continuation else { return false }
        continuation.resume(returning: value)
        cleanup?()
        return true
    }
}

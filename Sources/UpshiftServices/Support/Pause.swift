import ServiceLifecycle

/// Sleeps for `duration` unless the service group shuts down gracefully (or the task is
/// cancelled) first. Returns false when the service should stop.
func pause(_ duration: Duration) async -> Bool {
    guard duration > .zero else { return !Task.isCancelled && !Task.isShuttingDownGracefully }
    do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        return !Task.isShuttingDownGracefully
    } catch {
        return false
    }
}

extension Duration {
    /// A duration of `seconds` (fractions kept to the millisecond).
    static func seconds(_ seconds: Double) -> Duration { .milliseconds(Int64((seconds * 1000).rounded())) }
}

import Foundation

extension Process {
    /// Starts the process with SIGTERM, SIGINT and SIGHUP unblocked in the child.
    ///
    /// A child inherits the spawning thread's signal mask, and the test runner's threads block
    /// SIGTERM: without this, a child never sees the SIGTERM a test sends to stop it gracefully.
    public func runWithSignalsUnblocked() throws {
        var unblocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&unblocked)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try run()
    }
}

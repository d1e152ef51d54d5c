import InMemoryLogging
import Logging

/// A logger whose lines stay in memory, so a test can assert that no secret was logged.
public struct LogCapture: Sendable {
    /// Log through this.
    public let logger: Logger
    private let handler: InMemoryLogHandler

    /// A capture at `level` (trace by default: everything a client could ever log).
    public init(level: Logger.Level = .trace) {
        var handler = InMemoryLogHandler()
        handler.logLevel = level
        self.handler = handler
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = level
        self.logger = logger
    }

    /// Every line as text: level, message and metadata.
    public var text: String {
        handler.entries.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n")
    }

    /// Number of lines captured.
    public var count: Int { handler.entries.count }
}

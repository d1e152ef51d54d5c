/// An ``OutputWriter`` that keeps every line, for tests and for embedding the CLI.
public actor CapturingOutputWriter: OutputWriter {
    /// Lines written to standard output, split at newlines.
    public private(set) var lines: [String] = []
    /// Lines written to standard error, split at newlines.
    public private(set) var errorLines: [String] = []

    /// Creates an empty writer.
    public init() {}

    /// Keeps the line(s) as standard output.
    public func write(_ line: String) {
        lines += Self.split(line)
    }

    /// Keeps the line(s) as standard error.
    public func writeError(_ line: String) {
        errorLines += Self.split(line)
    }

    /// Everything written to standard output, one line per element joined by newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// Everything written to standard error, joined by newlines.
    public var errorText: String { errorLines.joined(separator: "\n") }

    private static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

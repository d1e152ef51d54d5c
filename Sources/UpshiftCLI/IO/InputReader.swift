/// Where commands read standard input from, one line at a time. Injected for tests.
public protocol InputReader: Sendable {
    /// The next line without its line ending, or `nil` at the end of input.
    func readLine() async -> String?
}

/// The process's standard input.
public struct StandardInputReader: InputReader {
    /// Creates the reader.
    public init() {}

    /// Reads the next line, dropping `\n` and a `\r` before it.
    public func readLine() async -> String? {
        guard var line = Swift.readLine(strippingNewline: true) else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}

/// An ``InputReader`` over fixed text, for tests and for embedding the CLI.
public actor TextInputReader: InputReader {
    private var remaining: [String]

    /// Reads `text` line by line.
    public init(_ text: String) {
        // `\r\n` is one Character, so split on any newline rather than on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.remaining = lines
    }

    /// The next line, or `nil` when all were read.
    public func readLine() -> String? {
        remaining.isEmpty ? nil : remaining.removeFirst()
    }
}

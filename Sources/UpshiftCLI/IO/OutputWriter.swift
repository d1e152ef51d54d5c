import Foundation

/// Where commands write: standard output for results, standard error for messages. Injected so
/// that tests run real argv and read back the printed lines.
public protocol OutputWriter: Sendable {
    /// Writes one line (or several, separated by newlines) to standard output.
    func write(_ line: String) async
    /// Writes one line (or several) to standard error.
    func writeError(_ line: String) async
}

/// The process's standard output and standard error.
public struct StandardOutputWriter: OutputWriter {
    /// Creates the writer.
    public init() {}

    /// Prints to standard output (buffered; flushed at exit).
    public func write(_ line: String) async {
        print(line)
    }

    /// Writes to standard error, unbuffered.
    public func writeError(_ line: String) async {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

import Foundation

/// Everything a command touches outside its arguments: output, input and the environment.
///
/// `run()` uses ``standard``; tests pass their own context to ``Upshift/run(_:context:)``. This is
/// the only place that reads the process environment; the settings loader is handed a copy.
public struct CLIContext: Sendable {
    /// Where results and messages go.
    public var output: any OutputWriter
    /// Where `parse` reads names from when none are given.
    public var input: any InputReader
    /// The environment variables, for `UPSHIFT_<KEY>` overrides.
    public var environment: [String: String]
    /// The width help text is wrapped to; `nil` = the terminal's.
    public var helpColumns: Int?

    /// Creates a context.
    public init(
        output: any OutputWriter, input: any InputReader = TextInputReader(""), environment: [String: String] = [:],
        helpColumns: Int? = 80
    ) {
        self.output = output
        self.input = input
        self.environment = environment
        self.helpColumns = helpColumns
    }

    /// Standard output, standard input and the process environment.
    public static var standard: CLIContext {
        CLIContext(
            output: StandardOutputWriter(), input: StandardInputReader(),
            environment: ProcessInfo.processInfo.environment, helpColumns: nil
        )
    }
}

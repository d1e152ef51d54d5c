import ArgumentParser

/// A command that runs against an injected ``CLIContext``, so tests can parse real argv and
/// read the printed lines (the swiftly pattern).
protocol UpshiftCommand: AsyncParsableCommand {
    /// Does the command's work, writing through `context.output`.
    func run(in context: CLIContext) async throws
}

import ArgumentParser
import Foundation

extension Upshift {
    /// The program's entry: runs the process arguments against the standard context and exits
    /// with the command's status.
    public static func main() async {
        let status = await run(Array(CommandLine.arguments.dropFirst()), context: .standard)
        Foundation.exit(status)
    }

    /// Parses `arguments` (without the program name), runs the command and returns the exit
    /// status: 0 on success or help, 1 when a command fails (bad settings, bad `--current`), 2 on a
    /// usage error. Everything is written through `context.output`; nothing is thrown.
    public static func run(_ arguments: [String], context: CLIContext) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let command = command as? any UpshiftCommand {
                try await command.run(in: context)
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch {
            return await report(error, context: context)
        }
    }

    /// Writes help to standard output and errors to standard error; returns the exit status.
    ///
    /// ArgumentParser exits with `EX_USAGE` (64) on usage errors; Upshift uses the conventional 2.
    private static func report(_ error: any Error, context: CLIContext) async -> Int32 {
        if let error = error as? CLIError {
            for message in error.messages { await context.output.writeError("Error: \(message)") }
            return ExitCode.failure.rawValue
        }
        let message = fullMessage(for: error, columns: context.helpColumns)
        let code = exitCode(for: error)
        if code.isSuccess {
            if !message.isEmpty { await context.output.write(message) }
            return code.rawValue
        }
        if !message.isEmpty { await context.output.writeError(message) }
        return code == .validationFailure ? 2 : code.rawValue
    }
}

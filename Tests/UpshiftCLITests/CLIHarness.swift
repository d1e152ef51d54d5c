import Foundation

@testable import UpshiftCLI

/// What one run of the CLI printed.
struct CLIRun: Sendable {
    /// The exit status.
    var status: Int32
    /// Standard output, line by line.
    var lines: [String]
    /// Standard error, line by line.
    var errorLines: [String]

    /// Standard output and standard error together, for "never printed" checks.
    var everything: String { (lines + errorLines).joined(separator: "\n") }
}

/// Runs `upshift ARGUMENTS` in-process with captured output, `stdin` as standard input and only
/// `environment` as the environment.
func runUpshift(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) async -> CLIRun {
    let output = CapturingOutputWriter()
    let context = CLIContext(output: output, input: TextInputReader(stdin), environment: environment, helpColumns: 80)
    let status = await Upshift.run(arguments, context: context)
    return CLIRun(status: status, lines: await output.lines, errorLines: await output.errorLines)
}

/// The keys of a JSON object's top level, in the order the text writes them.
func topLevelKeys(_ json: String) -> [String] {
    var keys: [String] = []
    var depth = 0
    var inString = false
    var escaped = false
    var current = ""
    var lastString: String?
    for character in json {
        if inString {
            if escaped {
                escaped = false
                current.append(character)
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inString = false
                lastString = current
            } else {
                current.append(character)
            }
            continue
        }
        switch character {
        case "\"":
            inString = true
            current = ""
        case "{", "[":
            depth += 1
            lastString = nil
        case "}", "]":
            depth -= 1
        case ":":
            if depth == 1, let key = lastString { keys.append(key) }
            lastString = nil
        case ",":
            lastString = nil
        default:
            break
        }
    }
    return keys
}

/// A directory of its own under the system temporary directory, removed when the body returns.
func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("upshift-cli-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Writes `text` to `settings.json` in `directory` and returns its path.
func writeSettings(_ text: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent("settings.json")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A value no output may ever contain.
let distinctiveSecret = "hunter2-Zq9vX4sECRET-7781"

/// A passkey as IPTorrents puts it in a feed URL.
let distinctivePasskey = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"

import ArgumentParser
import UpshiftSettings

/// `upshift config check`: validates the settings and prints the effective values, secrets masked.
struct ConfigCheckCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the settings and print the effective values.",
        discussion: """
            Loads the settings file (a missing file means the defaults), applies UPSHIFT_<KEY> \
            environment variables, and prints every key as JSON with secrets shown as ******** and \
            feed passkeys redacted. Notes and warnings (unknown keys) go to standard error. When a \
            key is wrong, prints one error per key and exits with status 1; so it does when web_host \
            is not loopback and web_api_key is empty, unless web_allow_unauthenticated is true.
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// Does the work, writing through `context.output`.
    func run(in context: CLIContext) async throws {
        let loaded = try await global.loadSettings(context: context, showNotes: true)
        try ServeReadiness.checkOpenWeb(loaded.settings)
        await context.output.write(try JSONLine(pretty: true).string(loaded.settings))
        let count = loaded.warnings.count
        let warnings = count == 0 ? "" : " (\(count) warning\(count == 1 ? "" : "s"))"
        await context.output.writeError("Settings are valid\(warnings).")
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

import ArgumentParser
import UpshiftSettings

/// Options every command takes (SPEC §10).
public struct GlobalOptions: ParsableArguments {
    /// The settings file given with `--config`, `nil` for the default.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The settings file (default: settings.json). A missing file means the defaults; "
                + "UPSHIFT_<KEY> environment variables override any key.",
            valueName: "path"
        )
    )
    public var config: String?

    /// Creates the options with their defaults.
    public init() {}

    /// The settings file to read: `--config`, else `settings.json` in the working directory.
    public var configPath: String { config ?? "settings.json" }

    /// Loads the settings, writing warnings (and, when asked or when `--config` named a missing
    /// file, notes) to standard error.
    func loadSettings(context: CLIContext, showNotes: Bool = false) async throws(CLIError) -> SettingsLoader.Loaded {
        let loaded: SettingsLoader.Loaded
        do {
            loaded = try SettingsLoader.load(path: configPath, environment: context.environment)
        } catch {
            throw .settings(error)
        }
        if showNotes || config != nil {
            for note in loaded.notes { await context.output.writeError("Note: \(note)") }
        }
        for warning in loaded.warnings { await context.output.writeError("Warning: \(warning)") }
        return loaded
    }
}

import ArgumentParser

/// `upshift config`: the group of settings commands.
struct ConfigCommand: AsyncParsableCommand {
    /// Name, abstract and the subcommands.
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect the settings.",
        discussion: "Settings come from settings.json (see --config) and UPSHIFT_<KEY> environment variables.",
        subcommands: [ConfigCheckCommand.self]
    )
}

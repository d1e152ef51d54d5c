import ArgumentParser

/// The `upshift` command line: the root command and its subcommands (SPEC §10).
public struct Upshift: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "upshift",
        abstract: "Find better copies of the films you already have: Dolby Vision P7 FEL above all.",
        discussion: """
            Upshift watches tracker RSS feeds for releases of the movies in your Plex library, \
            judges each one against the copy you have, asks you on Telegram or in its web UI, and \
            adds approved torrents to qBittorrent.

            Start the daemon with `upshift serve`; the other commands expose its steps for \
            scripting and debugging.
            """,
        subcommands: [
            ServeCommand.self, ParseCommand.self, CheckCommand.self, FeedCommand.self, LibraryCommand.self,
            ConfigCommand.self, ProbeCommand.self,
        ]
    )

    /// Creates the root command; argument parsing fills it.
    public init() {}
}

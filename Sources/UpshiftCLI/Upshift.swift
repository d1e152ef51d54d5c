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

            Available now: parse (read release names), check (judge one release) and \
            config check (validate settings.json). The daemon (serve), library scan and feed \
            polling arrive later.
            """,
        subcommands: [ParseCommand.self, CheckCommand.self, ConfigCommand.self]
    )

    /// Creates the root command; argument parsing fills it.
    public init() {}
}

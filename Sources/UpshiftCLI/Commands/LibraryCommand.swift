import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore

/// `upshift library`: the library commands.
struct LibraryCommand: AsyncParsableCommand {
    /// Name, abstract and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Work with the library of movies you have.",
        subcommands: [LibraryScanCommand.self]
    )
}

/// `upshift library scan`: reads the library source (Plex, else Radarr), stores it, prints a summary.
struct LibraryScanCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan Plex (else Radarr), fill the library table and print a summary.",
        discussion: """
            Reads every movie section of Plex (plex_url, plex_token), or every movie of Radarr \
            (radarr_url, radarr_api_key) when Plex is not set, with the quality of each movie's best copy, \
            and replaces the library in the database (database_path). Prints how many movies there are, \
            Dolby Vision by profile, P7 FEL and Atmos copies, and movies by resolution.
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// Scans, stores and prints.
    func run(in context: CLIContext) async throws {
        let settings = try await global.loadSettings(context: context).settings
        var logger = Logger(label: "upshift")
        logger.logLevel = .critical
        let live = DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger)
        guard let source = live.library else {
            throw CLIError.setting(
                key: "plex_url", problem: "is not set, and neither is radarr_url: there is no library to scan")
        }
        try ServeReadiness.checkDatabaseFolder(settings)
        let store: AppDatabase
        do {
            store = try AppDatabase.open(path: settings.databasePath)
        } catch {
            throw CLIError.failed("\(error)")
        }
        // The daemon's own scan, probes included; run by hand it also accepts a library that shrank.
        let refresher = LibraryRefresher(
            source: source, store: store, cache: LibraryCache(), metrics: Metrics(), logger: logger,
            interval: Double(settings.libraryRefreshMinutes) * 60, probe: settings.libraryProbe ? live.probe : nil)
        let movies: [LibraryMovie]
        do {
            movies = try await refresher.refreshOnce(acceptDegraded: true)
        } catch {
            throw CLIError.failed("\(source.name): \(error)")
        }
        let summary = LibrarySummary(movies)
        let output = context.output
        await output.write("Scanned \(source.name): \(summary.movies) movies")
        let profiles = summary.dvByProfile.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        await output.write("Dolby Vision: \(summary.dv)\(profiles.isEmpty ? "" : " (\(profiles.joined(separator: ", ")))")")
        await output.write("P7 FEL: \(summary.fel)")
        await output.write("P7 layers: \(summary.p7Line)")
        await output.write("Atmos: \(summary.atmos)")
        let order = ["2160p", "1080p", "720p", "576p", "480p", "unknown"]
        let resolutions = order.compactMap { key in summary.byResolution[key].map { "\(key) \($0)" } }
        await output.write("Resolution: \(resolutions.joined(separator: ", "))")
        await output.write("Saved to \(settings.databasePath)")
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

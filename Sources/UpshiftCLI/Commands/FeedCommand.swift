import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore

/// `upshift feed --once`: polls every feed once and prints each item's decision, changing nothing.
struct FeedCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Poll every feed once and print each item's decision as JSON lines, changing nothing.",
        discussion: """
            Reads the library from the database (database_path) when it exists, else scans the library \
            source (Plex, else Radarr) without saving it, then reads every feed in ipt_feed_urls and \
            prints one JSON object per item: feed (passkey masked), guid, name, the library movie it \
            matched, whether the daemon has already seen it, and the decision {notify, kind, reason, \
            gains}. Nothing is stored, sent or downloaded. A feed that fails is reported on standard \
            error and the others are still read; the exit status is then 1.
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// The only mode for now.
    @Flag(help: "Poll once and exit (run `upshift serve` to poll on a schedule).")
    var once = false

    /// `--once` is required.
    func validate() throws {
        guard once else { throw ValidationError("Only --once is supported: run `upshift serve` to poll on a schedule.") }
    }

    /// Polls and prints.
    func run(in context: CLIContext) async throws {
        let settings = try await global.loadSettings(context: context).settings
        guard !settings.iptFeedURLs.isEmpty else {
            throw CLIError.setting(key: "ipt_feed_urls", problem: "is empty: there is no feed to poll")
        }
        var logger = Logger(label: "upshift")
        logger.logLevel = .critical
        let live = DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger)
        let (movies, store) = try await library(settings: settings, live: live)
        let index = LibraryIndex(movies)
        let judge = ReleaseJudge(rules: UpgradeRules(settings: settings.ruleSettings))
        var failures: [CLIError] = []
        for feed in settings.iptFeedURLs {
            let entries: [FeedEntry]
            do {
                entries = try await live.feeds.fetch(feed)
            } catch {
                failures.append(.failed("feed \(feed): \(error)"))
                continue
            }
            let unseen = try await store?.unseenGUIDs(entries.map(\.guid)) ?? Set(entries.map(\.guid))
            for entry in entries {
                let judgement = judge.judge(entry, library: index)
                let line = FeedItemDTO(entry: entry, judgement: judgement, seen: !unseen.contains(entry.guid))
                await context.output.write(try JSONLine().string(line))
            }
        }
        if failures.count == 1 { throw failures[0] }
        if !failures.isEmpty { throw CLIError.several(failures) }
    }

    /// The stored library (and the store, to tell seen items) when the database exists; else a live scan.
    /// The database is opened read-only: no migration, and no file created or changed beside it.
    private func library(settings: Settings, live: DaemonDependencies) async throws -> ([LibraryMovie], AppDatabase?) {
        if FileManager.default.fileExists(atPath: settings.databasePath) {
            let store = try AppDatabase.openReadOnly(path: settings.databasePath)
            return (try await store.libraryMovies(), store)
        }
        guard let source = live.library else { return ([], nil) }
        do {
            return (try await source.scan(), nil)
        } catch {
            throw CLIError.failed("\(source.name): \(error)")
        }
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

/// One line of `upshift feed --once`.
struct FeedItemDTO: Encodable {
    let entry: FeedEntry
    let judgement: ReleaseJudge.Judgement
    let seen: Bool

    enum CodingKeys: String, CodingKey {
        case feed, guid, name, title, year, movie, seen, decision
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entry.feed, forKey: .feed)
        try c.encode(entry.guid, forKey: .guid)
        try c.encode(entry.title, forKey: .name)
        try c.encodeOrNull(judgement.parsed.title, forKey: .title)
        try c.encodeOrNull(judgement.parsed.year, forKey: .year)
        try c.encodeOrNull(judgement.movie.map { movie in movie.year.map { "\(movie.title) (\($0))" } ?? movie.title }, forKey: .movie)
        try c.encode(seen, forKey: .seen)
        try c.encode(DecisionDTO(judgement.decision), forKey: .decision)
    }
}

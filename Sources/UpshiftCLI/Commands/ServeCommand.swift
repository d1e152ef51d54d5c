import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import ServiceLifecycle
import UpshiftServices
import UpshiftSettings
import UpshiftStore

/// `upshift serve`: the daemon (SPEC §1): library refresher, feed poller, approval workflow,
/// download tracker, Telegram listener and the HTTP API / web UI, until SIGTERM or SIGINT.
struct ServeCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: watch the feeds, ask on Telegram and the web UI, add approved torrents.",
        discussion: """
            Loads the settings, opens the SQLite database (database_path), scans the library when it is \
            empty or stale, polls every feed at once and then every ipt_poll_minutes, and serves the \
            web UI and JSON API on web_host:web_port (default http://127.0.0.1:8787). Stops cleanly on \
            SIGTERM or SIGINT. Logs go to standard error.
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// The log level.
    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error.", valueName: "level"))
    var logLevel: String = "info"

    /// Rejects an unknown level as a usage error.
    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, got \(logLevel).")
        }
    }

    /// Runs the daemon until it is stopped.
    func run(in context: CLIContext) async throws {
        let loaded = try await global.loadSettings(context: context)
        let settings = loaded.settings
        try ServeReadiness.check(settings)
        MemoryTrim.limitArenas()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = {
            var logger = Logger(label: "upshift")
            logger.logLevel = level
            return logger
        }()
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: settings.databasePath)
        } catch {
            throw CLIError.failed("\(error)")
        }
        let dependencies = DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger)
        let daemon = try Daemon(
            settings: settings, warnings: loaded.warnings, database: database, dependencies: dependencies,
            logger: logger,
            onServerRunning: { port in
                logger.notice("Upshift is listening", metadata: ["web.url": "http://\(settings.webHost):\(port)"])
            })
        logger.notice(
            "Upshift starting",
            metadata: [
                "version": "\(Daemon.version)", "database": "\(settings.databasePath)",
                "feeds": "\(settings.iptEnabled ? settings.iptFeedURLs.count : 0)",
                "telegram": "\(dependencies.chat != nil)", "library.source": "\(dependencies.library?.name ?? "none")",
            ])
        do {
            try await daemon.serviceGroup().run()
        } catch {
            try? database.close()
            throw error
        }
        // Closed, the database leaves no `-wal` behind (no stale frame holds a cleared `.torrent`).
        do {
            try database.close()
        } catch {
            logger.error("Closing the database failed", metadata: ["error": "\(error)"])
        }
        logger.notice("Upshift stopped")
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

/// Checks that only matter to the daemon, each naming its key: a Telegram token without a chat,
/// a chat without a token, a database folder that does not exist, an open daemon nobody chose.
enum ServeReadiness {
    static func check(_ settings: Settings) throws(CLIError) {
        var problems: [CLIError] = []
        do {
            try checkOpenWeb(settings)
        } catch {
            problems.append(error)
        }
        if settings.telegramBotToken.isSet, settings.telegramChatID.isEmpty {
            problems.append(
                .setting(
                    key: "telegram_chat_id",
                    problem: "is required when telegram_bot_token is set (only that chat may answer)"))
        }
        if !settings.telegramBotToken.isSet, !settings.telegramChatID.isEmpty {
            problems.append(
                .setting(
                    key: "telegram_bot_token", problem: "is required when telegram_chat_id is set"))
        }
        do {
            try checkDatabaseFolder(settings)
        } catch {
            problems.append(error)
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
    }

    /// A non-loopback `web_host` needs `web_api_key`, or `web_allow_unauthenticated` set on purpose.
    static func checkOpenWeb(_ settings: Settings) throws(CLIError) {
        if let problem = settings.openWebProblem { throw .setting(key: problem.key, problem: problem.problem) }
    }

    /// The database's folder must exist (Upshift creates the file, not folders).
    static func checkDatabaseFolder(_ settings: Settings) throws(CLIError) {
        let folder = URL(fileURLWithPath: settings.databasePath).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw .setting(key: "database_path", problem: "is in a folder that does not exist (\(folder))")
        }
    }
}

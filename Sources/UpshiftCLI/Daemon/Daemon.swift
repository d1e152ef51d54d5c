import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import UpshiftCore
import UpshiftHTTP
import UpshiftServices
import UpshiftSettings
import UpshiftStore

/// The composition root of `upshift serve` (STYLE: one place builds everything): the store, the
/// services in start order (library → feeds → workflow → downloads → Telegram → HTTP), and the
/// Hummingbird app, ready to run as one `ServiceGroup` with graceful shutdown on SIGTERM/SIGINT.
/// Tests build the same daemon with loopback settings.
public struct Daemon: Sendable {
    /// Upshift's version.
    public static let version = "0.3.0"

    /// Timings that are not settings: how often the workflow retries and how it backs off.
    /// Tests shorten them; the defaults suit a home server.
    public struct Tuning: Sendable {
        /// Pause between two passes of expiry and retries.
        public var workflowInterval: Duration = .seconds(15)
        /// Backoff of failed sends and adds.
        public var retryBackoff = Backoff()
        /// How long a graceful shutdown may take before the services still running are cancelled
        /// (Docker's `stop` waits 10 s before it kills).
        public var shutdownLimit: Duration = .seconds(8)

        /// The defaults.
        public init() {}
    }

    /// What the HTTP layer sees; also handy for tests.
    public let context: DaemonContext
    /// The long-lived services, in start order (the HTTP app last).
    public let services: [any Service]
    let logger: Logger
    let tuning: Tuning

    /// Wires the daemon.
    ///
    /// - Parameters:
    ///   - settings: the loaded settings.
    ///   - warnings: settings warnings, shown on the settings page.
    ///   - database: the opened store.
    ///   - dependencies: the outside systems.
    ///   - logger: the daemon's logger.
    ///   - webPort: overrides `web_port` (tests pass 0 for a free port).
    ///   - tuning: retry timings.
    ///   - onServerRunning: called with the bound port once the HTTP server listens.
    /// - Throws: ``CLIError/setting(key:problem:)`` for an open daemon nobody chose (a non-loopback
    ///   `web_host` without `web_api_key` or `web_allow_unauthenticated`).
    public init(
        settings: Settings, warnings: [String] = [], database: AppDatabase, dependencies: DaemonDependencies,
        logger: Logger, webPort: Int? = nil, tuning: Tuning = Tuning(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(CLIError) {
        try ServeReadiness.checkOpenWeb(settings)
        let metrics = Metrics()
        let cache = LibraryCache()
        let health = HealthBoard()
        let coordinator = ApprovalCoordinator(
            store: database, feeds: dependencies.feeds, torrents: dependencies.torrents, notifier: dependencies.chat,
            folders: dependencies.folders, settings: settings, metrics: metrics, logger: logger,
            backoff: tuning.retryBackoff, health: health)
        let refresher = LibraryRefresher(
            source: dependencies.library, store: database, cache: cache, metrics: metrics, logger: logger,
            interval: Double(settings.libraryRefreshMinutes) * 60, maxShrinkPercent: settings.libraryMaxShrinkPercent,
            health: health, probe: settings.libraryProbe ? dependencies.probe : nil)
        let feeds = settings.iptEnabled ? settings.iptFeedURLs : []
        let poller =
            feeds.isEmpty
            ? nil
            : FeedPoller(
                feeds: feeds, source: dependencies.feeds, store: database, library: cache,
                judge: ReleaseJudge(rules: UpgradeRules(settings: settings.ruleSettings)), coordinator: coordinator,
                metrics: metrics, logger: logger, interval: Double(settings.iptPollMinutes) * 60)
        let tracker = DownloadTracker(
            store: database, torrents: dependencies.torrents, coordinator: coordinator, metrics: metrics,
            logger: logger, interval: .seconds(settings.downloadMonitorSeconds),
            grace: Double(settings.qbittorrentErrorGraceMinutes) * 60)
        let listener = dependencies.chat.map {
            TelegramListener(
                callbacks: $0, coordinator: coordinator, chatID: settings.telegramChatID, metrics: metrics,
                logger: logger, store: database)
        }
        let context = DaemonContext(
            store: database, coordinator: coordinator, poller: poller, library: cache, metrics: metrics, health: health,
            feedCount: feeds.count, telegramEnabled: dependencies.chat != nil, version: Self.version,
            settings: settings, settingsWarnings: warnings)
        let router = buildRouter(daemon: context, apiKey: settings.webAPIKey.exposedValue)
        let app = buildApplication(
            router: router, host: settings.webHost, port: webPort ?? settings.webPort, logger: logger,
            onServerRunning: onServerRunning)

        var services: [any Service] = [refresher]
        if let poller { services.append(poller) }
        services.append(WorkflowService(coordinator: coordinator, interval: tuning.workflowInterval))
        services.append(tracker)
        if let listener { services.append(listener) }
        services.append(app)
        self.context = context
        self.services = services
        self.logger = logger
        self.tuning = tuning
    }

    /// A service group over every service; SIGTERM and SIGINT shut it down gracefully.
    public func serviceGroup(signals: Bool = true) -> ServiceGroup {
        Self.serviceGroup(services, signals: signals, shutdownLimit: tuning.shutdownLimit, logger: logger)
    }

    /// A service group over `services` whose graceful shutdown is cut short after `shutdownLimit`:
    /// the services still running are then cancelled (what they had not finished is picked up at
    /// the next start).
    public static func serviceGroup(
        _ services: [any Service], signals: Bool, shutdownLimit: Duration, logger: Logger
    ) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownLimit
        return ServiceGroup(configuration: configuration)
    }
}

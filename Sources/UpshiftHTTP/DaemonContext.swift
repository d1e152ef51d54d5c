import UpshiftServices
import UpshiftSettings

/// What the HTTP layer needs of the running daemon.
public struct DaemonContext: Sendable {
    /// The store.
    public var store: any ApprovalStore
    /// The workflow.
    public var coordinator: ApprovalCoordinator
    /// The feed poller, `nil` when no feed is configured.
    public var poller: FeedPoller?
    /// The library in memory.
    public var library: LibraryCache
    /// The counters.
    public var metrics: Metrics
    /// What is wrong right now (shown on `/api/health` and the web UI).
    public var health: HealthBoard
    /// Number of feeds polled.
    public var feedCount: Int
    /// True when Telegram is configured.
    public var telegramEnabled: Bool
    /// Upshift's version.
    public var version: String
    /// The settings in use (shown masked on the settings page).
    public var settings: Settings
    /// Warnings from loading them.
    public var settingsWarnings: [String]

    /// Creates the context.
    public init(
        store: any ApprovalStore, coordinator: ApprovalCoordinator, poller: FeedPoller?, library: LibraryCache,
        metrics: Metrics, health: HealthBoard = HealthBoard(), feedCount: Int, telegramEnabled: Bool, version: String, settings: Settings = Settings(),
        settingsWarnings: [String] = []
    ) {
        self.store = store
        self.coordinator = coordinator
        self.poller = poller
        self.library = library
        self.metrics = metrics
        self.health = health
        self.feedCount = feedCount
        self.telegramEnabled = telegramEnabled
        self.version = version
        self.settings = settings
        self.settingsWarnings = settingsWarnings
    }
}

import Foundation
import Logging
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// Everything a workflow test needs: a real in-memory SQLite store, fakes for the outside systems,
/// a hand-moved clock, and the services wired as `upshift serve` wires them.
struct WorkflowHarness {
    static let feed = FeedURL(string: "https://tracker.test/t.rss?u=1;tp=0123456789abcdef0123456789abcdef;101;download")!

    let clock = TestClock()
    let store: AppDatabase
    let feeds = FakeFeedSource()
    let torrents = FakeTorrentClient()
    let chat = FakeNotifier(chatID: "42")
    let library = LibraryCache()
    let metrics = Metrics()
    let capture = LogCapture()
    let settings: Settings
    let coordinator: ApprovalCoordinator
    let poller: FeedPoller
    let tracker: DownloadTracker
    let listener: TelegramListener

    init(
        store: AppDatabase? = nil, health: HealthBoard = HealthBoard(), configure: (inout Settings) -> Void = { _ in }
    ) throws {
        var settings = Settings()
        settings.iptFeedURLs = [Self.feed]
        settings.qbittorrentCategory = "movies-fel"
        settings.qbitSequentialDownload = true
        configure(&settings)
        self.settings = settings
        self.store = try store ?? AppDatabase.inMemory()
        coordinator = ApprovalCoordinator(
            store: self.store, feeds: feeds, torrents: torrents, notifier: chat, folders: FixedFolders(),
            settings: settings, metrics: metrics, logger: capture.logger, health: health, now: clock.closure)
        poller = FeedPoller(
            feeds: settings.iptFeedURLs, source: feeds, store: self.store, library: library,
            judge: ReleaseJudge(rules: UpgradeRules(settings: settings.ruleSettings)), coordinator: coordinator,
            metrics: metrics, logger: capture.logger, interval: 300, now: clock.closure)
        tracker = DownloadTracker(
            store: self.store, torrents: torrents, coordinator: coordinator, metrics: metrics, logger: capture.logger,
            interval: .seconds(30), now: clock.closure)
        listener = TelegramListener(
            callbacks: chat, coordinator: coordinator, chatID: "42", metrics: metrics, logger: capture.logger,
            longPollSeconds: 1, store: self.store)
    }

    /// The library of the tests: Heat in P5, Alien in P7 FEL, Dune in HDR10 1080p.
    static let movies = [
        LibraryMovie(
            id: "plex:1", title: "Heat", year: 1995,
            quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p5, source: .webDL),
            filePath: "/media/movies/Heat (1995)/Heat.1995.2160p.WEB-DL.DV.mkv"),
        LibraryMovie(
            id: "plex:2", title: "Alien", year: 1979,
            quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, atmos: true)),
        LibraryMovie(
            id: "plex:3", title: "The Lord of the Rings: The Fellowship of the Ring", year: 2001,
            quality: Quality(resolution: .r1080p, hdr10: true)),
    ]

    func loadLibrary(_ movies: [LibraryMovie] = Self.movies) async throws {
        try await store.replaceLibrary(movies, source: "test", scannedAt: clock.now)
        await library.replace(movies)
    }

    /// Adds an item to the feed, with a torrent behind it.
    func list(_ names: [String]) async {
        var entries: [FeedEntry] = []
        for (index, name) in names.enumerated() {
            let guid = "\(7_000_000 + index)"
            entries.append(
                FeedEntry(
                    guid: guid, title: name,
                    link: FeedURL(string: "https://tracker.test/download.php/\(guid)/x.torrent?torrent_pass=0123456789abcdef0123456789abcdef"),
                    sizeBytes: 50_000_000_000, category: "Movie/4K", feed: Self.feed.redacted))
            await feeds.setTorrent(FakeTorrent.data(hash: "hash\(guid)", name: name), guid: guid)
        }
        await feeds.setEntries(entries, for: Self.feed)
    }
}

/// Radarr's folder for every movie: `/mnt/user/Media/Movies/<Title> (<Year>)`.
struct FixedFolders: MovieFolderLookup {
    func folder(for movie: LibraryMovie) async throws -> String? {
        "/mnt/user/Media/Movies/\(movie.title) (\(movie.year ?? 0))"
    }
}

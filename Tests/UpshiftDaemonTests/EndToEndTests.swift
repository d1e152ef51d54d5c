import AsyncHTTPClient
import Foundation
import Logging
import QBittorrent
import ServiceLifecycle
import Testing
import UpshiftCLI
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// The whole loop (SPEC §1) with a real qbittorrent-nox and loopback Plex, Radarr, Telegram and
/// RSS servers: feed → exactly the expected question → a stranger's press ignored → the owner's
/// press adds one torrent into the movie's mapped Radarr folder → completion reported → history.
@Suite(.serialized) struct EndToEndTests {
    static let felName = "Heat.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.HDR10.TrueHD.Atmos.7.1-GRP"

    /// The feed: one genuine upgrade, and one of each thing that must not ask.
    static func releases(_ torrent: TestTorrent) -> [FakeWorld.Release] {
        [
            .init(id: 7_123_456, name: felName, torrent: torrent),
            .init(id: 7_123_457, name: "Alien.1979.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-OTHER", torrent: nil),
            .init(id: 7_123_458, name: "Heat.1995.1080p.BluRay.REMUX.DV.P7.FEL-GRP", torrent: nil),
            .init(
                id: 7_123_459, name: "The.Lord.of.the.Rings.The.Fellowship.of.the.Ring.2001.2160p.UHD.BluRay.HDR10.x265-GRP",
                torrent: nil),
            .init(id: 7_123_460, name: "Unknown.Film.2022.2160p.UHD.BluRay.REMUX.DV.P7.FEL-GRP", torrent: nil),
            .init(id: 7_123_461, name: "Some.Show.S01E02.2160p.WEB-DL.DV.P7.FEL-GRP", torrent: nil),
            .init(id: 7_123_462, name: "Heat.1995.2160p.WEB-DL.DDP5.1.DV.H.265-NOTP5", torrent: nil),
        ]
    }

    static func settings(base: String, qbit: URL, username: String, password: String, media: URL, database: URL, world: FakeWorld) -> Settings {
        var s = Settings()
        s.qbittorrentHost = qbit.absoluteString
        s.qbittorrentUsername = username
        s.qbittorrentPassword = Secret(password)
        s.qbittorrentCategory = "movies-fel"
        s.qbitSequentialDownload = true
        s.radarrURL = URL(string: base)
        s.radarrAPIKey = Secret(FakeWorld.radarrKey)
        s.plexURL = URL(string: base)
        s.plexToken = Secret(FakeWorld.plexToken)
        s.telegramBotToken = Secret(FakeWorld.botToken)
        s.telegramChatID = String(FakeWorld.ownerChat)
        s.telegramAPIURL = URL(string: base)!
        s.iptFeedURLs = [FeedURL(string: world.feedURL(base))!]
        s.iptPollMinutes = 60
        s.pathMappings = [PathMapping(from: "/movies", to: media.path)]
        s.databasePath = database.path
        s.downloadMonitorSeconds = 1
        return s
    }

    /// Polls `condition` every 100 ms for up to `seconds`.
    static func eventually(_ seconds: Double = 20, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    /// Runs a daemon while `body` runs, then shuts it down gracefully.
    static func running(
        _ settings: Settings, logger: Logger, _ body: @Sendable (Daemon, AppDatabase) async throws -> Void
    ) async throws {
        let database = try AppDatabase.open(path: settings.databasePath)
        var tuning = Daemon.Tuning()
        tuning.workflowInterval = .milliseconds(300)
        tuning.retryBackoff = Backoff(base: 0.5, cap: 2)
        let daemon = try Daemon(
            settings: settings, database: database,
            dependencies: .live(settings: settings, httpClient: .shared, logger: logger, qbittorrentTimeout: .seconds(2)),
            logger: logger, webPort: 0, tuning: tuning)
        let group = daemon.serviceGroup(signals: false)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body(daemon, database)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func theWholeLoop() async throws {
        let capture = LogCapture(level: .debug)
        let config = QBittorrentServerConfig()
        try await QBittorrentServer.with(config) { qbit in
            try await withTemporaryDirectory { folder in
                let media = folder.appendingPathComponent("media")
                let target = media.appendingPathComponent("Heat (1995)")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                let torrent = TestTorrent.make(payload: TestTorrent.randomPayload(count: 200_000), name: "\(Self.felName).mkv")
                try torrent.writePayload(into: target)  // qBittorrent's check will find it complete
                let world = FakeWorld(releases: Self.releases(torrent), radarrRoot: "/movies")
                try await LoopbackServer.with(world.router()) { base in
                    let settings = Self.settings(
                        base: base, qbit: qbit.baseURL, username: config.username, password: config.password, media: media,
                        database: folder.appendingPathComponent("upshift.sqlite"), world: world)
                    try await Self.running(settings, logger: capture.logger) { daemon, database in
                        // Exactly one question, for the genuine upgrade.
                        let asked = try await Self.eventually { await world.telegram.calls("sendMessage").count >= 1 }
                        #expect(asked)
                        if !asked { print(capture.text) }
                        #expect(try await Self.eventually { try await database.recentReleases(limit: 20).count == 7 })
                        let questions = await world.telegram.calls("sendMessage")
                        #expect(questions.count == 1)
                        let question = try #require(questions.first)
                        #expect(question.text.contains("Heat"))
                        #expect(question.text.contains("P7 FEL"))
                        #expect(!question.text.contains(FakeWorld.passkey))
                        let request = try #require(try await database.requests(in: [.pending]).first)
                        #expect(request.torrentHash == torrent.infoHash)
                        #expect(request.targetFolder == target.path)
                        let kinds = Set(try await database.recentReleases(limit: 20).map(\.decision.kind.rawValue))
                        #expect(kinds == ["fel", "duplicate", "downgrade", "none", "not_in_library", "not_a_movie"])

                        // A stranger presses Download: refused, nothing added.
                        let messageID = Int(question.body["message_id"] as? Int64 ?? 501)
                        await world.telegram.press(data: "dl:\(request.id)", userID: 666, chatID: 666, messageID: messageID)
                        #expect(try await Self.eventually { await world.telegram.calls("answerCallbackQuery").count == 1 })
                        #expect(await world.telegram.calls("answerCallbackQuery").first?.text.contains("not allowed") == true)
                        #expect(try await database.request(id: request.id)?.state == .pending)

                        // The owner presses Download twice: one torrent, in the mapped Radarr folder.
                        await world.telegram.press(data: "dl:\(request.id)", userID: FakeWorld.ownerChat, chatID: FakeWorld.ownerChat, messageID: messageID)
                        await world.telegram.press(data: "dl:\(request.id)", userID: FakeWorld.ownerChat, chatID: FakeWorld.ownerChat, messageID: messageID)
                        #expect(try await Self.eventually { try await database.request(id: request.id)?.state == .completed })
                        let answers = await world.telegram.calls("answerCallbackQuery").map(\.text)
                        #expect(answers.count == 3)
                        #expect(answers.contains { $0.contains("Already approved") })

                        let client = QBittorrentClient(
                            baseURL: qbit.baseURL, username: config.username, password: Secret(config.password),
                            httpClient: .shared, logger: Logger(label: "check"))
                        let all = try await client.torrents()
                        #expect(all.count == 1)
                        let info = try #require(all.first)
                        #expect(info.hash == torrent.infoHash)
                        #expect(info.savePath.hasPrefix(target.path))
                        #expect(info.category == "movies-fel")
                        #expect(info.sequentialDownload)

                        // Completion reported, history holds the hash.
                        #expect(try await Self.eventually { await world.telegram.calls("sendMessage").count == 3 })
                        let notices = await world.telegram.calls("sendMessage").dropFirst().map(\.text)
                        #expect(notices.count == 2)
                        let history = try await database.history(limit: 5)
                        #expect(history.first?.status == "completed")
                        #expect(history.first?.torrentHash == torrent.infoHash)
                        #expect(await world.telegram.calls("editMessageText").count >= 1)
                        _ = daemon
                    }
                }
            }
        }
        // No secret in the daemon's log.
        let log = capture.text
        #expect(capture.count > 10)
        for secret in [FakeWorld.passkey, FakeWorld.botToken, FakeWorld.plexToken, FakeWorld.radarrKey, config.password] {
            #expect(!log.contains(secret), "the log shows a secret")
        }
    }

    /// qBittorrent is not running when the owner says yes: the request stays approved (and says
    /// why). Upshift is then restarted with qBittorrent up: the approved request is added on the
    /// first pass, nobody is asked again, and the download completes.
    @Test func qbittorrentDownAtApprovalThenARestartCarriesOn() async throws {
        let capture = LogCapture(level: .debug)
        let config = QBittorrentServerConfig()
        try await withTemporaryDirectory { folder in
            let media = folder.appendingPathComponent("media")
            let target = media.appendingPathComponent("Heat (1995)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let torrent = TestTorrent.make(payload: TestTorrent.randomPayload(count: 100_000), name: "\(Self.felName).mkv")
            try torrent.writePayload(into: target)
            let world = FakeWorld(releases: Self.releases(torrent), radarrRoot: "/movies")
            let database = folder.appendingPathComponent("upshift.sqlite")
            try await LoopbackServer.with(world.router()) { base in
                // 1. qBittorrent down (nothing listens on its port).
                let down = URL(string: try await LoopbackServer.unusedBaseURL())!
                let first = Self.settings(
                    base: base, qbit: down, username: config.username, password: config.password, media: media,
                    database: database, world: world)
                try await Self.running(first, logger: capture.logger) { _, store in
                    #expect(try await Self.eventually { await world.telegram.calls("sendMessage").count == 1 })
                    let request = try #require(try await store.requests(in: [.pending]).first)
                    await world.telegram.press(
                        data: "dl:\(request.id)", userID: FakeWorld.ownerChat, chatID: FakeWorld.ownerChat, messageID: 501)
                    #expect(try await Self.eventually { try await store.request(id: request.id)?.lastError != nil })
                    let stuck = try #require(try await store.request(id: request.id))
                    #expect(stuck.state == .approved)
                    #expect(stuck.attempts >= 1)
                    #expect(stuck.lastError?.contains("qBittorrent") == true)
                }
                // 2. A new process over the same database, qBittorrent up.
                try await QBittorrentServer.with(config) { qbit in
                    let second = Self.settings(
                        base: base, qbit: qbit.baseURL, username: config.username, password: config.password,
                        media: media, database: database, world: world)
                    try await Self.running(second, logger: capture.logger) { _, store in
                        let request = try #require(try await store.requests(in: [.approved, .downloading, .completed]).first)
                        #expect(try await Self.eventually { try await store.request(id: request.id)?.state == .completed })
                        let client = QBittorrentClient(
                            baseURL: qbit.baseURL, username: config.username, password: Secret(config.password),
                            httpClient: .shared, logger: Logger(label: "check"))
                        let all = try await client.torrents()
                        #expect(all.map(\.hash) == [torrent.infoHash])
                        #expect(all.first?.savePath.hasPrefix(target.path) == true)
                        // Asked once in all: the second process judged nothing again.
                        let questions = await world.telegram.calls("sendMessage").filter { $0.body["reply_markup"] != nil }
                        #expect(questions.count == 1)
                        #expect(try await store.recentReleases(limit: 20).count == 7)
                    }
                }
            }
        }
        #expect(!capture.text.contains(FakeWorld.passkey))
        #expect(!capture.text.contains(config.password))
    }
}

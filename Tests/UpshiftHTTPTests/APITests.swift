import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import UpshiftCore
import UpshiftHTTP
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// The JSON API (SPEC §8) through the real router, store and coordinator, with fake outside systems.
@Suite struct APITests {
    static let passkey = "0123456789abcdef0123456789abcdef"
    static let feed = FeedURL(string: "https://tracker.test/t.rss?u=1;tp=\(passkey);101;download")!
    static let fel = "Heat.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP"

    struct World {
        let clock = TestClock()
        let store: AppDatabase
        let feeds = FakeFeedSource()
        let torrents = FakeTorrentClient()
        let coordinator: ApprovalCoordinator
        let poller: FeedPoller
        let daemon: DaemonContext

        init(configure: (inout Settings) -> Void = { _ in }) throws {
            store = try AppDatabase.inMemory()
            let metrics = Metrics()
            let library = LibraryCache()
            var settings = Settings()
            settings.iptFeedURLs = [APITests.feed]
            settings.ruleSettings.notifyExpireHours = 1
            configure(&settings)
            let logger = Logger(label: "test")
            coordinator = ApprovalCoordinator(
                store: store, feeds: feeds, torrents: torrents, notifier: nil, folders: nil, settings: settings,
                metrics: metrics, logger: logger, now: clock.closure)
            poller = FeedPoller(
                feeds: [APITests.feed], source: feeds, store: store, library: library,
                judge: ReleaseJudge(rules: UpgradeRules(settings: settings.ruleSettings)), coordinator: coordinator,
                metrics: metrics, logger: logger, interval: 300, now: clock.closure)
            daemon = DaemonContext(
                store: store, coordinator: coordinator, poller: poller, library: library, metrics: metrics,
                feedCount: 1, telegramEnabled: false, version: "test", settings: settings)
        }

        func seed() async throws {
            let movies = [
                LibraryMovie(id: "plex:1", title: "Heat", year: 1995, quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p5))
            ]
            try await store.replaceLibrary(movies, source: "test", scannedAt: clock.now)
            await daemon.library.replace(movies)
            let link = FeedURL(string: "https://tracker.test/download.php/1/x.torrent?torrent_pass=\(APITests.passkey)")
            await feeds.setEntries([FeedEntry(guid: "1", title: APITests.fel, link: link, feed: APITests.feed.redacted)], for: APITests.feed)
            await feeds.setTorrent(FakeTorrent.data(hash: "abc123"), guid: "1")
        }

        func app(apiKey: String? = nil) -> some ApplicationProtocol {
            let apiKey = apiKey ?? daemon.settings.webAPIKey.exposedValue
            return Application(router: buildRouter(daemon: daemon, apiKey: apiKey, now: clock.closure))
        }
    }

    static func json(_ buffer: ByteBuffer) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
    }

    @Test func pollApproveAndHistory() async throws {
        let world = try World()
        try await world.seed()
        try await world.app().test(.router) { client in
            let poll = try await client.execute(uri: "/api/feeds/poll", method: .post)
            #expect(poll.status == .ok)
            let pollBody = try #require(try Self.json(poll.body) as? [String: Any])
            let requests = try #require(pollBody["requests"] as? [String])
            #expect(requests.count == 1)
            let id = try #require(requests.first)

            let pending = try await client.execute(uri: "/api/downloads/pending", method: .get)
            let list = try #require(try Self.json(pending.body) as? [[String: Any]])
            #expect(list.count == 1)
            #expect(list.first?["request_id"] as? String == id)
            #expect(list.first?["kind"] as? String == "fel")
            #expect((list.first?["current"] as? [String: Any])?["dvProfile"] as? Int == 5)
            #expect(!String(buffer: pending.body).contains(Self.passkey))

            let body = ByteBuffer(string: #"{"request_id": "\#(id)"}"#)
            let approve = try await client.execute(uri: "/api/downloads/approve", method: .post, body: body)
            #expect(approve.status == .ok)
            #expect((try Self.json(approve.body) as? [String: Any])?["status"] as? String == "downloading")
            let again = try await client.execute(uri: "/api/downloads/approve", method: .post, body: body)
            #expect(again.status == .ok)
            #expect(await world.torrents.adds.count == 1)

            let skip = try await client.execute(uri: "/api/downloads/skip", method: .post, body: body)
            #expect(skip.status == .conflict)
            #expect((try Self.json(skip.body) as? [String: Any])?["error"] as? String == "This request was already downloading.")

            let history = try await client.execute(uri: "/api/downloads/history?limit=5", method: .get)
            let rows = try #require(try Self.json(history.body) as? [[String: Any]])
            #expect(rows.first?["torrent_hash"] as? String == "abc123")

            let releases = try await client.execute(uri: "/api/releases?limit=10", method: .get)
            #expect(!String(buffer: releases.body).contains(Self.passkey))
            let releaseRows = try #require(try Self.json(releases.body) as? [[String: Any]])
            #expect((releaseRows.first?["decision"] as? [String: Any])?["kind"] as? String == "fel")

            let library = try await client.execute(uri: "/api/library", method: .get)
            #expect((try Self.json(library.body) as? [[String: Any]])?.first?["title"] as? String == "Heat")

            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(String(buffer: metrics.body).contains(#"upshift_decisions_total{kind="fel"} 1"#))
            #expect(String(buffer: metrics.body).contains(#"upshift_downloads_total{outcome="started"} 1"#))
        }
    }

    @Test func errorsAreJSONWithFittingStatuses() async throws {
        let world = try World()
        try await world.seed()
        try await world.app().test(.router) { client in
            let missing = try await client.execute(
                uri: "/api/downloads/approve", method: .post, body: ByteBuffer(string: #"{"request_id":"nope"}"#))
            #expect(missing.status == .notFound)
            #expect((try Self.json(missing.body) as? [String: Any])?["error"] as? String == "No request has the id \"nope\".")

            let bad = try await client.execute(uri: "/api/downloads/approve", method: .post, body: ByteBuffer(string: "{"))
            #expect(bad.status == .badRequest)
            #expect((try Self.json(bad.body) as? [String: Any])?["error"] != nil)

            let badLimit = try await client.execute(uri: "/api/releases?limit=abc", method: .get)
            #expect(badLimit.status == .badRequest)

            let unknown = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(unknown.status == .notFound)
            #expect((try Self.json(unknown.body) as? [String: Any])?["error"] != nil)

            let poll = try await client.execute(uri: "/api/feeds/poll", method: .post)
            let id = try #require((try Self.json(poll.body) as? [String: Any])?["requests"] as? [String]).first!
            world.clock.advance(3601)
            await world.coordinator.expireDue()
            let gone = try await client.execute(
                uri: "/api/downloads/approve", method: .post, body: ByteBuffer(string: #"{"request_id":"\#(id)"}"#))
            #expect(gone.status == .gone)
            #expect(String(buffer: gone.body).contains("expired"))
        }
    }

    @Test func apiKeyIsRequiredWhenSet() async throws {
        let world = try World()
        let key = "s3cret-web-key"
        try await world.app(apiKey: key).test(.router) { client in
            let none = try await client.execute(uri: "/api/health", method: .get)
            #expect(none.status == .unauthorized)
            #expect((try Self.json(none.body) as? [String: Any])?["error"] != nil)
            #expect(!String(buffer: none.body).contains(key))
            let wrong = try await client.execute(uri: "/api/health", method: .get, headers: [.init("X-Api-Key")!: "guess"])
            #expect(wrong.status == .unauthorized)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .unauthorized)
            let right = try await client.execute(uri: "/api/health", method: .get, headers: [.init("X-Api-Key")!: key])
            #expect(right.status == .ok)
            #expect((try Self.json(right.body) as? [String: Any])?["status"] as? String == "ok")
            #expect(!String(buffer: right.body).contains(key))
        }
    }
}

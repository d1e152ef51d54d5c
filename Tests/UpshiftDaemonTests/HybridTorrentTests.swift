import AsyncHTTPClient
import Foundation
import Logging
import Testing
import UpshiftCLI
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

/// Issue 5 through the daemon's `TorrentClient` port: a hybrid v1 + v2 torrent is stored under its v1
/// hash, and its progress must still be found after a restart, when qBittorrent (libtorrent 2) lists
/// it under its truncated v2 hash. Against a real qbittorrent-nox.
@Suite struct HybridTorrentTests {
    static func torrents(_ server: QBittorrentServer) -> any TorrentClient {
        var settings = Settings()
        settings.qbittorrentHost = server.baseURL.absoluteString
        settings.qbittorrentUsername = server.config.username
        settings.qbittorrentPassword = Secret(server.config.password)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger).torrents
    }

    @Test func aHybridIsFollowedToCompletionByItsV1Hash() async throws {
        try await QBittorrentServer.with { server in
            let made = TestTorrent.makeHybrid(
                payload: TestTorrent.randomPayload(count: 70_000), name: "Hybrid.\(UUID().uuidString.prefix(8)).mkv")
            let savePath = server.downloads.appendingPathComponent("hybrid").path
            try made.writePayload(into: URL(fileURLWithPath: savePath))
            let torrents = Self.torrents(server)
            #expect(try torrents.inspect(made.data).hash == made.infoHash)
            try await torrents.add(made.data, options: .init(savePath: savePath, category: "movies"))

            let restarted = Self.torrents(server)
            let deadline = ContinuousClock.now + .seconds(10)
            var last: TorrentProgress?
            repeat {
                last = try await restarted.status(hash: made.infoHash)
                if last?.phase == .completed { break }
                try await Task.sleep(for: .milliseconds(100))
            } while ContinuousClock.now < deadline
            #expect(last?.phase == .completed && last?.progress == 1, "last seen: \(String(describing: last))")
        }
    }
}

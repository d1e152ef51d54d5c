import AsyncHTTPClient
import Foundation
import Logging
import Testing
import UpshiftCLI
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

/// Issue 7 through the daemon's `TorrentClient` port, against a real qbittorrent-nox: a wrong password
/// is asked once, then every call fails at once with ``TorrentClientLoginRefused`` and the port says why.
@Suite struct LoginRefusalTests {
    @Test func theLiveTorrentClientStopsAfterOneRefusalAndSaysWhy() async throws {
        try await QBittorrentServer.with { server in
            var settings = Settings()
            settings.qbittorrentHost = server.baseURL.absoluteString
            settings.qbittorrentUsername = server.config.username
            settings.qbittorrentPassword = Secret("not-the-password")
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let torrents = DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger).torrents
            #expect(await torrents.loginRefusal == nil)
            let made = TestTorrent.make(payload: TestTorrent.randomPayload(count: 1000), name: "Refused.mkv")
            for _ in 0..<4 {
                await #expect(throws: TorrentClientLoginRefused.self) {
                    _ = try await torrents.status(hash: made.infoHash)
                }
            }
            await #expect(throws: TorrentClientLoginRefused.self) {
                try await torrents.add(made.data, options: .init(savePath: nil, category: "movies"))
            }
            let why = try #require(await torrents.loginRefusal)
            #expect(why.contains("wrong username or password") && why.contains("no longer logs in"))
            #expect(!why.contains("not-the-password"))
            let asked = try await server.logLines(containing: "WebAPI login failure")
            #expect(asked == 1)
        }
    }
}

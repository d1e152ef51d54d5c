import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// "LAN-only" mode: the WebUI bypasses authentication for 127.0.0.1, and (as on some users'
/// servers) automatic torrent management is on by default, so the save path only holds because
/// the client sends `autoTMM=false` with it.
@Suite(.liveQBittorrent(.init(auth: .bypass, autoTMMByDefault: true)))
struct LiveBypassTests {
    @Test func addsAndReadsWithoutLoggingIn() async throws {
        let server = try LiveQBittorrent.server()
        let capture = LogCapture()
        let client = Fixture.client(server, username: "", password: "", logger: capture.logger)
        #expect(!client.logsIn)
        let made = Fixture.torrent("Bypass")
        let savePath = Fixture.saveFolder(server, "bypass")
        try made.writePayload(into: URL(fileURLWithPath: savePath))
        let options = TorrentAddOptions(
            savePath: savePath, category: "lan-only", tags: ["upshift"], sequentialDownload: true,
            contentLayout: .original
        )
        #expect(try await client.add(.file(try TorrentFile.parse(made.data)), options: options) == .added)
        let info = try #require(try await client.torrent(hash: made.infoHash))
        #expect(info.savePath == savePath && info.category == "lan-only" && info.sequentialDownload)
        let done = try await Fixture.eventually { () -> TorrentInfo? in
            let now = try await client.torrent(hash: made.infoHash)
            return now?.isComplete == true ? now : nil
        }
        #expect(done?.progress == 1)
        #expect(!capture.text.contains("qBittorrent login"))
        try await client.delete(hash: made.infoHash, deleteFiles: false)
    }

    @Test func credentialsAreHarmlessWhenTheWebUIBypassesAuth() async throws {
        let client = Fixture.client(try LiveQBittorrent.server(), username: "admin", password: "anything")
        #expect(client.logsIn)
        _ = try await client.torrents()
        #expect(try await client.version().webAPI >= .init(2, 0, 0))
    }
}

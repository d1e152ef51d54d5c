import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// Issue 5: qBittorrent on libtorrent 2 lists a hybrid v1 + v2 torrent under its truncated v2 hash, and
/// `torrents/info?hashes=` does not match its v1 hash; the daemon stores the v1 hash. A real hybrid
/// `.torrent` (BEP 52, built here) against a real qbittorrent-nox.
@Suite(.liveQBittorrent())
struct LiveHybridTests {
    @Test func aHybridIsFoundAndCompletesByTheHashesWeComputed() async throws {
        let server = try LiveQBittorrent.server()
        let made = TestTorrent.makeHybrid(
            payload: TestTorrent.randomPayload(count: 100_000), name: "Hybrid.\(UUID().uuidString.prefix(8)).mkv")
        let savePath = Fixture.saveFolder(server, "hybrid")
        try made.writePayload(into: URL(fileURLWithPath: savePath))
        let torrent = try TorrentFile.parse(made.data)
        #expect(torrent.infoHash == made.infoHash)
        #expect(try await Fixture.client(server).add(.file(torrent), options: .init(savePath: savePath)) == .added)

        // A fresh client, as after a restart: it knows only the v1 hash the daemon stored.
        let fresh = Fixture.client(server)
        let done = try await Fixture.eventually(timeout: .seconds(10)) { () -> TorrentInfo? in
            let now = try await fresh.torrent(hash: made.infoHash)
            return now?.isComplete == true ? now : nil
        }
        let info = try #require(done, "not found or not complete by its v1 hash")
        #expect(info.progress == 1 && info.amountLeft == 0)
        #expect(info.hash == made.truncatedInfoHashV2)  // qBittorrent's own name for it
        #expect(info.infoHashV1 == made.infoHash && info.infoHashV2 == made.infoHashV2)
        #expect(torrent.infoHashV2 == made.infoHashV2 && torrent.listedHashes.last == made.truncatedInfoHashV2)
        // Also by its v2 hash, whole or truncated.
        #expect(try await fresh.torrent(hash: try #require(made.infoHashV2))?.hash == info.hash)
        #expect(try await fresh.torrent(hash: info.hash)?.infoHashV1 == made.infoHash)
        try await fresh.delete(hash: made.infoHash, deleteFiles: false)
        #expect(try await fresh.torrent(hash: made.infoHash) == nil)
    }
}

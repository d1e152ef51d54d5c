import Foundation
import QBittorrent
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// Against a real qbittorrent-nox with a login (one server for the suite): every add is checked by
/// reading back what the server reports.
@Suite(.liveQBittorrent())
struct LiveTorrentTests {
    @Test func addsATorrentFileWithEveryOption() async throws {
        let server = try LiveQBittorrent.server()
        let client = Fixture.client(server)
        let made = Fixture.torrent("Options")
        let torrent = try TorrentFile.parse(made.data)
        #expect(torrent.infoHash == made.infoHash)
        let savePath = Fixture.saveFolder(server, "options")
        let options = TorrentAddOptions(
            savePath: savePath, category: "movies-fel", tags: ["upshift", "dv-fel"], sequentialDownload: true,
            paused: true
        )
        #expect(try await client.add(.file(torrent), options: options) == .added)

        let info = try #require(try await client.torrent(hash: made.infoHash.uppercased()))
        #expect(info.hash == made.infoHash)
        #expect(info.name == made.name)
        #expect(info.savePath == savePath)
        #expect(info.category == "movies-fel")
        #expect(info.tags.sorted() == ["dv-fel", "upshift"])
        #expect(info.sequentialDownload)
        #expect(info.size == 40_000)
        let paused = try await Fixture.eventually { () -> TorrentInfo? in
            let now = try await client.torrent(hash: made.infoHash)
            return now?.state.isPaused == true ? now : nil
        }
        #expect(paused?.state == .pausedDL || paused?.state == .stoppedDL)
        #expect(try await client.categories().contains("movies-fel"))
        #expect(try await client.torrents(category: "movies-fel").contains { $0.hash == made.infoHash })

        try await client.delete(hash: made.infoHash, deleteFiles: true)
        #expect(try await client.torrent(hash: made.infoHash) == nil)
    }

    @Test func addsAMagnetAndRecognisesDuplicates() async throws {
        let server = try LiveQBittorrent.server()
        let client = Fixture.client(server)
        let made = Fixture.torrent("Magnet")
        let magnet = try MagnetLink(made.magnetURI)
        let options = TorrentAddOptions(savePath: Fixture.saveFolder(server, "magnet"), tags: ["upshift"], paused: true)
        #expect(try await client.add(.magnet(magnet), options: options) == .added)
        let info = try #require(try await client.torrent(hash: made.infoHash))
        #expect(info.tags == ["upshift"] && info.savePath == options.savePath && !info.sequentialDownload)
        // Same magnet again: 4.x answers `Fails.`, the client confirms by hash.
        #expect(try await client.add(.magnet(magnet), options: options) == .alreadyPresent)

        let file = Fixture.torrent("Duplicate")
        let torrent = try TorrentFile.parse(file.data)
        #expect(try await client.add(.file(torrent), options: .init(paused: true)) == .added)
        #expect(try await client.add(.file(torrent), options: .init(paused: true)) == .alreadyPresent)
        try await client.delete(hash: made.infoHash, deleteFiles: true)
        try await client.delete(hash: file.infoHash, deleteFiles: true)
    }

    @Test func aFileQBittorrentRefusesIsNotATorrent() async throws {
        let client = Fixture.client(try LiveQBittorrent.server())
        // Parses locally (name, length) but has no `pieces`: libtorrent refuses it, the WebUI answers 415.
        let made = TestTorrent.make(payload: Data(count: 100), name: "broken.mkv", omitPieces: true)
        let torrent = try TorrentFile.parse(made.data)
        await #expect {
            try await client.add(.file(torrent))
        } throws: { error in
            guard case QBittorrentError.notATorrent(let detail) = error else { return false }
            return detail.contains("not a valid torrent file")
        }
    }

    @Test func completesWhenThePayloadIsAlreadyThere() async throws {
        let server = try LiveQBittorrent.server()
        let client = Fixture.client(server)
        let made = Fixture.torrent("Complete", bytes: 100_000)
        let savePath = Fixture.saveFolder(server, "complete")
        try made.writePayload(into: URL(fileURLWithPath: savePath))
        let torrent = try TorrentFile.parse(made.data)
        #expect(
            try await client.add(.file(torrent), options: .init(savePath: savePath, category: "movies-fel")) == .added)
        let done = try await Fixture.eventually { () -> TorrentInfo? in
            let now = try await client.torrent(hash: made.infoHash)
            return now?.isComplete == true ? now : nil
        }
        let last = try await client.torrent(hash: made.infoHash)
        let info = try #require(done, "not complete; last seen: \(String(describing: last))")
        #expect(info.progress == 1 && info.amountLeft == 0 && !info.isError)
        #expect(info.contentPath == "\(savePath)/\(made.name)")
        try await client.delete(hash: made.infoHash, deleteFiles: false)
    }

    @Test func unknownAndMalformedHashes() async throws {
        let client = Fixture.client(try LiveQBittorrent.server())
        #expect(try await client.torrent(hash: String(repeating: "ab", count: 20)) == nil)
        await #expect {
            try await client.torrent(hash: "abc|def")
        } throws: { error in
            guard case QBittorrentError.invalidHash = error else { return false }
            return true
        }
    }

    @Test func detectsTheVersionOnce() async throws {
        let client = Fixture.client(try LiveQBittorrent.server())
        let version = try await client.version()
        #expect(version.application.hasPrefix("v"))
        #expect(version.webAPI >= .init(2, 8, 0))
        #expect(version.usesStoppedNaming == (version.webAPI >= .init(2, 11, 0)))
        #expect(try await client.version() == version)
    }

    @Test func categoriesAreEnsuredIdempotently() async throws {
        let server = try LiveQBittorrent.server()
        let name = "cat-\(UUID().uuidString.prefix(6))"
        try await Fixture.client(server).ensureCategory(name, savePath: "/tmp/elsewhere")
        // A second client does not know it yet: qBittorrent answers 409, which means "exists".
        try await Fixture.client(server).ensureCategory(name)
        #expect(try await Fixture.client(server).categories().contains(name))
        await #expect {
            try await Fixture.client(server).ensureCategory("a//b")
        } throws: { error in
            guard case QBittorrentError.categoryRejected(let rejected, _) = error else { return false }
            return rejected == "a//b"
        }
    }

    @Test func aClientWithoutCredentialsIsToldToLogIn() async throws {
        let client = Fixture.client(try LiveQBittorrent.server(), username: "", password: "")
        await #expect {
            try await client.torrents()
        } throws: { error in
            guard case QBittorrentError.forbidden(_, loginConfigured: false) = error else { return false }
            return "\(error)".contains("wants a login")
        }
    }
}

import Foundation
import QBittorrent
import Testing

/// Magnet links, states, versions and the `torrents/info` decoding, without a server.
@Suite struct ValueTests {
    @Test func magnetLinksGiveTheirV1Hash() throws {
        let hex = try MagnetLink(
            "magnet:?xt=urn:btih:D56CECCD42E841427AC50EC55178AD21CC62F4C0&dn=Film&tr=http%3A%2F%2Fx")
        #expect(hex.infoHash == "d56ceccd42e841427ac50ec55178ad21cc62f4c0")
        #expect(hex.description == "magnet:?xt=urn:btih:d56ceccd42e841427ac50ec55178ad21cc62f4c0")
        // The same hash in base32 (BEP 9 allows both).
        let base32 = try MagnetLink("magnet:?xt=urn:btih:2VWOZTKC5BAUE6WFB3CVC6FNEHGGF5GA")
        #expect(base32.infoHash == "d56ceccd42e841427ac50ec55178ad21cc62f4c0")
    }

    @Test(arguments: [
        "", "http://example.com/a.torrent", "magnet:?dn=nohash", "magnet:?xt=urn:btih:1234",
        "magnet:?xt=urn:btmh:1220abcd",
    ])
    func badMagnetsAreTyped(_ text: String) {
        #expect {
            try MagnetLink(text)
        } throws: { error in
            guard case QBittorrentError.invalidMagnet = error else { return false }
            return true
        }
    }

    @Test func statesKeepUnknownValuesAndClassify() {
        for raw in ["uploading", "stalledUP", "pausedUP", "stoppedUP", "queuedUP", "forcedUP"] {
            #expect(TorrentState(rawValue: raw).isComplete, "\(raw)")
            #expect(TorrentState(rawValue: raw).rawValue == raw)
        }
        for raw in [
            "downloading", "stalledDL", "pausedDL", "stoppedDL", "metaDL", "checkingUP", "checkingResumeData", "moving",
        ] {
            #expect(!TorrentState(rawValue: raw).isComplete, "\(raw)")
        }
        #expect(TorrentState(rawValue: "stoppedDL").isPaused && TorrentState(rawValue: "pausedDL").isPaused)
        #expect(TorrentState(rawValue: "missingFiles").isError && TorrentState(rawValue: "error").isError)
        #expect(TorrentState(rawValue: "brandNewState") == .other("brandNewState"))
        #expect(TorrentState(rawValue: "brandNewState").rawValue == "brandNewState")
    }

    @Test func versionsCompareNumerically() throws {
        let old = try #require(QBittorrentVersion.APIVersion("2.8.19"))
        let new = try #require(QBittorrentVersion.APIVersion("2.11.2\n"))
        #expect(old < new)
        #expect(!QBittorrentVersion(application: "v4.5.2", webAPI: old).usesStoppedNaming)
        #expect(QBittorrentVersion(application: "v5.0.0", webAPI: new).usesStoppedNaming)
        #expect(QBittorrentVersion.APIVersion("Forbidden") == nil)
        #expect(QBittorrentVersion.APIVersion("2") == nil)
    }

    @Test func torrentInfoDecodesLeniently() throws {
        let json = """
            [{"hash":"ABCDEF0123456789ABCDEF0123456789ABCDEF01","name":"Film","state":"stalledUP","progress":1,
              "save_path":"/data/Movies/Film (2020)","category":"movies-fel","tags":"upshift, dv-fel",
              "seq_dl":true,"size":40000,"total_size":40000,"amount_left":0,
              "content_path":"/data/Movies/Film (2020)/Film.mkv",
              "eta":8640000,"unknown_future_key":[1,2]},
             {"hash":"0000000000000000000000000000000000000000"}]
            """
        let list = try JSONDecoder().decode([TorrentInfo].self, from: Data(json.utf8))
        #expect(list[0].hash == "abcdef0123456789abcdef0123456789abcdef01")
        #expect(list[0].tags == ["upshift", "dv-fel"] && list[0].sequentialDownload && list[0].isComplete)
        #expect(list[0].progress == 1 && list[0].amountLeft == 0 && list[0].size == 40_000)
        #expect(list[1].state == .unknown && list[1].tags.isEmpty && !list[1].isComplete)
    }

    @Test func aHybridIsNamedByEachOfItsHashes() throws {
        let v1 = String(repeating: "1", count: 40)
        let v2 = String(repeating: "2", count: 64)
        let json = #"[{"hash":"\#(v2.prefix(40))","infohash_v1":"\#(v1)","infohash_v2":"\#(v2.uppercased())"}]"#
        let info = try #require(try JSONDecoder().decode([TorrentInfo].self, from: Data(json.utf8)).first)
        #expect(info.isNamed(v1) && info.isNamed(v2) && info.isNamed(String(v2.prefix(40))))
        #expect(!info.isNamed(String(repeating: "3", count: 40)) && !info.isNamed(""))
    }
}

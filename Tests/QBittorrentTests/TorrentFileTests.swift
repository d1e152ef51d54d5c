import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// `.torrent` parsing: the info-hash over the original bytes, names, sizes, files, and a clear typed
/// problem for everything that is not a torrent.
@Suite struct TorrentFileTests {
    /// Built by a separate Python bencoder: `info` keys deliberately NOT sorted (pieces, name, length,
    /// piece length, private), so a parser that re-encoded `info` would get another hash.
    static let unsortedFixture = Data(
        base64Encoded:
            "ZDg6YW5ub3VuY2UyNzpodHRwOi8vMTI3LjAuMC4xOjEvYW5ub3VuY2U3OmNvbW1lbnQ3OmZpeHR1cmU0OmluZm9kNjpwaWVjZXM0MDqA"
            + "y5xDDYDDCEZJ9l4Mol2rv/sbYrnsOK8miIXSnCGZUOpRnTnx3GNRNDpuYW1lMTg6TW92aWUuMjE2MHAuRFYubWt2NjpsZW5ndGhp"
            + "MjU2MDBlMTI6cGllY2UgbGVuZ3RoaTE2Mzg0ZTc6cHJpdmF0ZWkxZWVl"
    )!
    /// Python-built multi-file torrent: `a/b.txt` (3 bytes) and `c.bin` (5 bytes) under `Folder`.
    static let multiFileFixture = Data(
        base64Encoded:
            "ZDQ6aW5mb2Q1OmZpbGVzbGQ2Omxlbmd0aGkzZTQ6cGF0aGwxOmE1OmIudHh0ZWVkNjpsZW5ndGhpNWU0OnBhdGhsNTpjLmJpbmVl"
            + "ZTQ6bmFtZTY6Rm9sZGVyMTI6cGllY2UgbGVuZ3RoaTE2Mzg0ZTY6cGllY2VzMjA6fCIvspJ9goryL1khNOiTJIBjfA1lZQ=="
    )!

    static func problem(_ data: Data) -> TorrentFileProblem? {
        do {
            _ = try TorrentFile.parse(data)
            return nil
        } catch QBittorrentError.invalidTorrent(let problem) {
            return problem
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func hashesTheOriginalInfoBytes() throws {
        let torrent = try TorrentFile.parse(Self.unsortedFixture)
        #expect(torrent.infoHash == "6440882470c4e5114def77707238bee00bd6cf0c")
        #expect(torrent.name == "Movie.2160p.DV.mkv")
        #expect(torrent.totalSize == 25_600)
        #expect(torrent.files == [TorrentFile.Entry(components: ["Movie.2160p.DV.mkv"], length: 25_600)])
        #expect(torrent.isPrivate)
        #expect(torrent.data == Self.unsortedFixture)
    }

    @Test func readsMultiFileTorrents() throws {
        let torrent = try TorrentFile.parse(Self.multiFileFixture)
        #expect(torrent.infoHash == "33ac21c0ad6bbde17c58227825f0c4a0387b73da")
        #expect(torrent.name == "Folder")
        #expect(torrent.totalSize == 8)
        #expect(torrent.files.map(\.path) == ["a/b.txt", "c.bin"])
        #expect(!torrent.isPrivate)
    }

    @Test func agreesWithTheTestTorrentWriter() throws {
        let single = TestTorrent.make(payload: TestTorrent.randomPayload(count: 50_000), name: "Dune.2021.mkv")
        let parsed = try TorrentFile.parse(single.data)
        #expect(parsed.infoHash == single.infoHash && parsed.name == "Dune.2021.mkv" && parsed.totalSize == 50_000)
        let multi = TestTorrent.makeMultiFile(
            name: "Pack",
            files: [
                .init(path: ["x", "y.mkv"], content: Data(count: 10)), .init(path: ["z.nfo"], content: Data(count: 7)),
            ]
        )
        let parsedMulti = try TorrentFile.parse(multi.data)
        #expect(parsedMulti.infoHash == multi.infoHash && parsedMulti.totalSize == 17)
        #expect(parsedMulti.files.map(\.path) == ["x/y.mkv", "z.nfo"])
    }

    @Test func aHybridHasBothHashes() throws {
        let hybrid = TestTorrent.makeHybrid(payload: TestTorrent.randomPayload(count: 70_000), name: "Hybrid.mkv")
        let parsed = try TorrentFile.parse(hybrid.data)
        #expect(parsed.infoHash == hybrid.infoHash && parsed.totalSize == 70_000)
        #expect(parsed.infoHashV2 == hybrid.infoHashV2 && parsed.infoHashV2?.count == 64)
        #expect(parsed.listedHashes == [hybrid.infoHash, try #require(hybrid.truncatedInfoHashV2)])
        let v1 = try TorrentFile.parse(TestTorrent.make(payload: Data(count: 10), name: "v1.mkv").data)
        #expect(v1.infoHashV2 == nil && v1.listedHashes == [v1.infoHash])
    }

    @Test func prefersUTF8NameAndPath() throws {
        let info: [String: TestBencode] = [
            "name": .string("Amelie"), "name.utf-8": .string("Amélie"), "piece length": .integer(16384),
            "pieces": .bytes(Data(count: 20)),
            "files": .list([
                .dictionary([
                    "length": .integer(1), "path": .list([.string("a")]), "path.utf-8": .list([.string("é")]),
                ])
            ]),
        ]
        let torrent = try TorrentFile.parse(TestBencode.dictionary(["info": .dictionary(info)]).encoded)
        #expect(torrent.name == "Amélie")
        #expect(torrent.files.map(\.path) == ["é"])
    }

    static let validInfo: [String: TestBencode] = [
        "name": .string("x"), "length": .integer(1), "piece length": .integer(16384), "pieces": .bytes(Data(count: 20)),
    ]

    static func document(_ info: [String: TestBencode]) -> Data {
        TestBencode.dictionary(["info": .dictionary(info)]).encoded
    }

    @Test func namesEveryKindOfNonTorrent() {
        let html = Data("\n  <!DOCTYPE html><html><body>Login</body></html>".utf8)
        let valid = Self.document(Self.validInfo)
        #expect(Self.problem(Data()) == .empty)
        #expect(Self.problem(html) == .looksLikeHTML)
        #expect(Self.problem(Data("{\"error\":1}".utf8)) == .notADictionary)
        #expect(Self.problem(valid.prefix(valid.count - 1)) == .truncated(offset: valid.count - 1))
        #expect(Self.problem(valid + Data("garbage".utf8)) == .trailingData(offset: valid.count))
        #expect(Self.problem(TestBencode.dictionary(["announce": .string("x")]).encoded) == .missingInfo)
        #expect(
            Self.problem(TestBencode.dictionary(["info": .integer(3)]).encoded) == .invalidInfo("is not a dictionary"))
        var noName = Self.validInfo
        noName["name"] = nil
        #expect(Self.problem(Self.document(noName)) == .invalidInfo("has no name"))
        var noLength = Self.validInfo
        noLength["length"] = nil
        #expect(Self.problem(Self.document(noLength)) == .invalidInfo("has neither length nor files"))
        var v2 = noLength
        v2["file tree"] = .dictionary([:])
        #expect(Self.problem(Self.document(v2)) == .v2Only)
        var negative = Self.validInfo
        negative["length"] = .integer(-5)
        #expect(Self.problem(Self.document(negative)) == .invalidInfo("has a file length out of range (-5)"))
    }

    @Test func refusesHostileBencoding() {
        let deep = Data(repeating: UInt8(ascii: "l"), count: 100_000)
        #expect(Self.problem(Data("d".utf8) + Data("4:info".utf8) + deep) == .nestingTooDeep(limit: 64))
        #expect(Self.problem(Data("d4:info99999999999999999999:xe".utf8)) == .lengthOutOfRange(offset: 7))
        #expect(Self.problem(Data("d4:info999999999:xe".utf8)) == .lengthOutOfRange(offset: 7))
        #expect(Self.problem(Data("d4:infoi99999999999999999999ee".utf8)) == .lengthOutOfRange(offset: 7))
        #expect(Self.problem(Data("d4:info1000:xe".utf8)) == .truncated(offset: 14))
        #expect(
            Self.problem(Data("d4:infoi-0ee".utf8))
                == .malformed(offset: 7, reason: "an integer is not in canonical form"))
        #expect(
            Self.problem(Data("d4:infoi03ee".utf8))
                == .malformed(offset: 7, reason: "an integer is not in canonical form"))
        #expect(
            Self.problem(Data("d4:infoiee".utf8))
                == .malformed(offset: 7, reason: "an integer is not written as i<digits>e"))
        #expect(
            Self.problem(Data("di1ei2ee".utf8))
                == .malformed(offset: 1, reason: "a dictionary key is not a byte string"))
        #expect(Self.problem(Data("d4:infox".utf8)) == .malformed(offset: 7, reason: "unexpected byte 0x78"))
    }

    @Test func problemsReadAsOneSentence() {
        let error = QBittorrentError.invalidTorrent(.looksLikeHTML)
        #expect(
            error.description
                == "Not a usable .torrent file: the data is an HTML page (a login or error page?), not a .torrent file."
        )
        #expect(!error.isTransient)
    }
}

import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// Hostile input never crashes or hangs the parser: every input either parses or throws
/// ``QBittorrentError/invalidTorrent(_:)``, and the whole run stays fast.
@Suite struct TorrentFileFuzzTests {
    /// SplitMix64: a seeded generator, so a failing input can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Parses `data`; records an issue for any error that is not `invalidTorrent`.
    @discardableResult
    static func survive(_ data: Data) -> Bool {
        do {
            _ = try TorrentFile.parse(data)
            return true
        } catch QBittorrentError.invalidTorrent {
            return false
        } catch {
            Issue.record("unexpected error \(error) for \(data.prefix(32).map { String($0) })")
            return false
        }
    }

    @Test func everyTruncationOfAValidTorrentIsRefused() throws {
        let torrent = TestTorrent.make(payload: TestTorrent.randomPayload(count: 100_000), name: "Film.mkv")
        let data = torrent.data
        let started = ContinuousClock.now
        for length in 0..<data.count {
            #expect(!Self.survive(data.prefix(length)), "prefix of \(length) bytes parsed")
        }
        #expect(Self.survive(data))
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func randomBytesAndMutationsNeverCrash() {
        var generator = SeededGenerator(state: 0x5EED)
        let valid = TestTorrent.make(payload: TestTorrent.randomPayload(count: 5_000), name: "a").data
        let alphabet = Array("dlie0123456789:-".utf8)
        let started = ContinuousClock.now
        for round in 0..<20_000 {
            var bytes: [UInt8]
            switch round % 3 {
            case 0:  // pure noise
                bytes = (0..<Int.random(in: 0...256, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
            case 1:  // bencode-shaped noise: structure characters and digits
                bytes = (0..<Int.random(in: 1...256, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }
                bytes[0] = UInt8(ascii: "d")
            default:  // a valid torrent with a few bytes changed
                bytes = [UInt8](valid)
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = alphabet.randomElement(
                        using: &generator)!
                }
            }
            Self.survive(Data(bytes))
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func deepAndWideInputsStayBounded() {
        let started = ContinuousClock.now
        // A million nested lists, a huge flat list, a huge dictionary of empty strings.
        Self.survive(Data("d4:info".utf8) + Data(repeating: UInt8(ascii: "l"), count: 1_000_000))
        Self.survive(Data("d4:infol".utf8) + Data(repeating: UInt8(ascii: "0"), count: 500_000) + Data("ee".utf8))
        Self.survive(Data("d4:infod".utf8) + Data(String(repeating: "0:0:", count: 200_000).utf8) + Data("ee".utf8))
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}

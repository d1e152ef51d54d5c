import Testing
import UpshiftProbeFixtures

@testable import UpshiftProbe

/// Random, truncated and mutated bytes into every reader: no crash, no hang (every loop is
/// bounded), reads bounded, and never a layer the intact file would not give.
@Suite(.timeLimit(.minutes(2))) struct FuzzTests {
    /// The films every mutation starts from.
    static let films: [(name: String, bytes: [UInt8])] = [
        ("mkv FEL", Films.mkv(.p7FEL) { $0.audioBlocksBeforeVideo = 2 }),
        ("mkv MEL group", Films.mkv(.p7MEL) { $0.blockStyle = .blockGroup }),
        (
            "mkv unknown sizes",
            Films.mkv(.p8) {
                $0.unknownSizeCluster = true
                $0.unknownSizeSegment = true
                $0.frames = [Films.frame(.p8, usePrevious: true), Films.frame(.p8)]
            }
        ),
        ("mp4 FEL", Films.mp4(.p7FEL)),
        ("mp4 moov at end", Films.mp4(.p7MEL) { $0.moovAtEnd = true }),
        ("mp4 fragmented", Films.mp4(.p7FEL) { $0.fragmented = true }),
    ]

    @Test func everyTruncationEndsCleanly() async {
        for film in Self.films {
            let intact = await probe(film.bytes)
            for length in stride(from: 0, to: film.bytes.count, by: 7) {
                let report = await probe(Array(film.bytes.prefix(length)))
                #expect(report.bytesRead <= ProbeLimits.maxBytesRead)
                #expect(report.dvLayer == nil || report.dvLayer == intact.dvLayer, "\(film.name) cut at \(length)")
            }
        }
    }

    @Test func mutatedFilesEndCleanly() async {
        var random = SeededGenerator(seed: 0x5EED)
        for film in Self.films {
            let intact = await probe(film.bytes)
            for round in 0..<400 {
                var bytes = film.bytes
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[index] = round % 3 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &random)
                }
                let report = await probe(bytes)
                #expect(report.bytesRead <= ProbeLimits.maxBytesRead)
                #expect(report.dvLayer == nil || report.dvLayer == intact.dvLayer, "\(film.name) round \(round)")
            }
        }
    }

    @Test func randomBytesBehindEachSignature() async {
        var random = SeededGenerator(seed: 42)
        let heads: [[UInt8]] = [
            [0x1A, 0x45, 0xDF, 0xA3], [0, 0, 0, 0x18] + Array("ftyp".utf8), [0, 0, 0, 1] + Array("moov".utf8), [],
        ]
        for head in heads {
            for _ in 0..<300 {
                let tail = (0..<Int.random(in: 0...3000, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
                let report = await probe(head + tail)
                #expect(report.bytesRead <= ProbeLimits.maxBytesRead)
                #expect(report.dvLayer == nil)
            }
        }
    }

    @Test func hostileSizesStayBounded() async {
        // Many tiny elements and boxes: the element limit stops the walk, not the end of time.
        let voids = (0..<100_000).flatMap { _ in [UInt8]([0xEC, 0x80]) }
        let mkv =
            EBMLWriter.element(0x1A45_DFA3, EBMLWriter.string(0x4282, "matroska"))
            + EBMLWriter.element(0x1853_8067, voids)
        let report = await probe(mkv)
        #expect(report.error != nil && report.bytesRead <= ProbeLimits.maxBytesRead)
        let boxes = MP4Writer.box("ftyp", []) + (0..<100_000).flatMap { _ in MP4Writer.box("free", []) }
        let mp4 = await probe(boxes)
        #expect(mp4.error != nil && mp4.bytesRead <= ProbeLimits.maxBytesRead)
    }

    @Test func ebmlAndMP4ParsersOnRandomBytes() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            _ = EBMLElement.parse(bytes, at: 0, offset: 0)
            _ = try? MatroskaTrackEntry.entries(in: bytes)
            _ = MP4Box.children(in: bytes[...])
            _ = try? MP4SampleEntry.videoTrack(stsd: bytes, at: 0)
            _ = DolbyVisionRecord(bytes)
            _ = VideoTrack.nalLengthSize(hvcC: bytes)
        }
    }

    @Test func rpuParserOnRandomAndMutatedBytes() {
        var random = SeededGenerator(seed: 99)
        let valid = RPUFixture(.p7FEL).payload()
        for round in 0..<5000 {
            var payload: [UInt8]
            if round % 2 == 0 {
                payload = (0..<Int.random(in: 0...300, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            } else {
                payload = valid
                payload[Int.random(in: 1..<payload.count - 5, using: &random)] = UInt8.random(
                    in: 0...255, using: &random)
            }
            // Re-seal the CRC so the field parser itself meets garbage.
            if payload.count > 6 {
                payload[0] = 0x19
                payload[payload.count - 1] = 0x80
                let crc = FixtureCRC.mpeg2(Array(payload[1..<(payload.count - 5)]))
                for index in 0..<4 {
                    payload[payload.count - 5 + index] = UInt8(truncatingIfNeeded: crc >> UInt32(24 - 8 * index))
                }
            }
            _ = DolbyVisionRPU.parse(nal: [0x7C, 0x01] + RPUFixture.escaped(payload))
            _ = RPUFinder.searchTail(payload, lengthSize: 4)
        }
    }
}

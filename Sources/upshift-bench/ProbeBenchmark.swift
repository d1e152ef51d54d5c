import Foundation
import UpshiftProbe
import UpshiftProbeFixtures

/// Films probed per second from the page cache, and bytes read per film (issue 8 targets:
/// ≥ 500 files/s, ≤ 128 KiB a file).
///
/// It writes 200 generated films into a temporary folder: 100 Matroska files with a 4 MB
/// attachment before the first Cluster and 100 MP4 files with `moov` after `mdat`, each with a
/// 1 MB first video frame ending in a P7 FEL, P7 MEL or P8 RPU. The attachment is written as a
/// hole (sparse), since the probe must seek over it and never read it.
struct ProbeBenchmark {
    /// Films of each container.
    static let filesPerContainer = 100
    /// The first video frame's slice.
    static let frameBytes = 1 << 20
    /// The Matroska attachment.
    static let attachmentBytes = 4 << 20

    /// Writes the films, probes them repeatedly for about `seconds` and prints the figures.
    func run(seconds: Double) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upshift-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let films = try writeFilms(into: folder)

        var bytesRead: Int64 = 0
        let clock = ContinuousClock()
        _ = try await sweep(films, bytesRead: &bytesRead)  // warm-up: page cache, allocations
        bytesRead = 0
        var probed = 0
        let start = clock.now
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        while clock.now - start < budget {
            probed += try await sweep(films, bytesRead: &bytesRead)
        }
        let elapsed = clock.now - start
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(probed) / elapsedSeconds
        print("files: \(films.count) (\(Self.filesPerContainer) mkv, \(Self.filesPerContainer) mp4)")
        print("first_frame_bytes: \(Self.frameBytes), attachment_bytes: \(Self.attachmentBytes)")
        print("probed: \(probed) in \(format3(elapsedSeconds)) s")
        print("bytes_read_per_file: \(bytesRead / Int64(max(probed, 1)))")
        print("files_per_second: \(Int(rate))")
    }

    /// A film on disk and the layer its RPU says.
    private struct Film {
        var path: String
        var layer: ProbeLayer?
    }

    /// Probes every film once, checking each answer; returns how many were probed.
    private func sweep(_ films: [Film], bytesRead: inout Int64) async throws -> Int {
        for film in films {
            let report = await DolbyVisionProbe.probe(FileByteSource(path: film.path))
            guard report.error == nil, report.dv, report.dvLayer == film.layer else {
                throw BenchError("\(film.path): unexpected \(report)")
            }
            bytesRead += report.bytesRead
        }
        return films.count
    }

    private func writeFilms(into folder: URL) throws -> [Film] {
        let kinds: [(RPUFixture.Kind, ProbeLayer?)] = [(.p7FEL, .fel), (.p7MEL, .mel), (.p8, nil)]
        var films: [Film] = []
        for index in 0..<Self.filesPerContainer {
            let (kind, layer) = kinds[index % kinds.count]
            let dualLayer = kind != .p8
            let frame = HEVCFixture.accessUnit(
                rpu: RPUFixture(kind).nal(), sliceBytes: Self.frameBytes, enhancementLayer: dualLayer)
            let later = HEVCFixture.accessUnit(rpu: RPUFixture(kind).nal(), keyframe: false)
            var matroska = MatroskaFixture(frames: [frame, later])
            matroska.attachmentSize = Self.attachmentBytes
            matroska.audioBlocksBeforeVideo = 3
            matroska.doviRecord = HEVCFixture.doviRecord(profile: kind == .p8 ? 8 : 7, enhancementLayer: dualLayer)
            let mkv = folder.appendingPathComponent("film-\(index).mkv").path
            try writeSparse(matroska.bytes(), to: mkv)
            var mp4Fixture = MP4Fixture(frames: [frame, later])
            mp4Fixture.moovAtEnd = true
            mp4Fixture.doviRecord = matroska.doviRecord
            let mp4 = folder.appendingPathComponent("film-\(index).mp4").path
            try writeSparse(mp4Fixture.bytes(), to: mp4)
            films += [Film(path: mkv, layer: layer), Film(path: mp4, layer: layer)]
        }
        return films
    }

    /// Writes `bytes`, leaving every all-zero 64 KiB block as a hole.
    private func writeSparse(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BenchError("cannot create \(path)") }
        defer { try? handle.close() }
        let block = 64 * 1024
        for start in stride(from: 0, to: bytes.count, by: block) {
            let chunk = bytes[start..<min(start + block, bytes.count)]
            if chunk.allSatisfy({ $0 == 0 }) { continue }
            try handle.seek(toOffset: UInt64(start))
            try handle.write(contentsOf: Data(chunk))
        }
        try handle.truncate(atOffset: UInt64(bytes.count))
    }
}

import Foundation
import Testing
import UpshiftProbe
import UpshiftProbeFixtures

@Suite struct ProbeReportTests {
    @Test func aTextFileNamedMkvIsNeither() async {
        let report = await probe(Array("This is not a film, whatever its name says.\n".utf8))
        #expect(report.container == nil && !report.dv && report.dvLayer == nil)
        #expect(report.error == "the file is neither Matroska nor MP4")
    }

    @Test func anEmptySourceIsNeither() async {
        let report = await probe([])
        #expect(report.error == "the file is neither Matroska nor MP4")
        #expect(report.bytesRead == 0)
    }

    @Test func aThrowingSourceBecomesTheError() async {
        let bytes = Films.mkv(.p7FEL) {
            $0.attachmentSize = 1 << 20
            $0.frames = [Films.frame(.p7FEL, sliceBytes: 100_000)]
        }
        // The head and the first Cluster's header are read; the frame's tail is not.
        let source = MemoryByteSource(bytes, failAfterBytes: 2 * 4096 + 100)
        let report = await DolbyVisionProbe.probe(source)
        #expect(report.container == .mkv)
        #expect(report.dv && report.dvProfile == 7)  // the configuration record, read before the failure
        #expect(report.dvLayer == nil)
        #expect(report.error == "the source failed: the connection was reset")
    }

    @Test func readsALocalFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The name says MP4 and MEL; the bytes say Matroska and FEL.
        let path = directory.appendingPathComponent("Film.DV.MEL.mp4").path
        try Data(Films.mkv(.p7FEL)).write(to: URL(fileURLWithPath: path))
        let report = await DolbyVisionProbe.probe(FileByteSource(path: path))
        #expect(report.container == .mkv && report.dvProfile == 7 && report.dvLayer == .fel && report.error == nil)
        #expect(report.bytesRead > 0)
    }

    @Test func aMissingFileOrADirectoryIsAnError() async {
        let missing = await DolbyVisionProbe.probe(FileByteSource(path: "/nonexistent/film.mkv"))
        #expect(missing.error == "the file cannot be read: No such file or directory")
        let directory = await DolbyVisionProbe.probe(FileByteSource(path: "/tmp"))
        #expect(directory.error == "the path is not a regular file")
    }
}

import Foundation
import Testing
import UpshiftProbe

/// Films muxed by mkvmerge and FFmpeg around x265 frames (see Fixtures/README.md): the probe
/// must read what real muxers write, not only what our own writers write.
@Suite struct RealMuxerTests {
    @Test(
        arguments: [
            ("x265-mkvmerge-p7-fel.mkv", ProbeContainer.mkv, 7, ProbeLayer.fel),
            ("x265-ffmpeg-p7-mel.mp4", .mp4, 7, .mel),
            ("x265-mkvmerge-p8.mkv", .mkv, 8, nil),
        ] as [(String, ProbeContainer, Int, ProbeLayer?)])
    func readsWhatRealMuxersWrite(file: String, container: ProbeContainer, profile: Int, layer: ProbeLayer?)
        async throws
    {
        let url = try #require(Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Fixtures"))
        let report = await DolbyVisionProbe.probe(FileByteSource(path: url.path))
        #expect(
            report
                == ProbeReport(
                    container: container, dv: true, dvProfile: profile, dvLayer: layer, bytesRead: report.bytesRead))
    }
}

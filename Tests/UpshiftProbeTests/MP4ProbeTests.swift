import Testing
import UpshiftProbe
import UpshiftProbeFixtures

@Suite struct MP4ProbeTests {
    @Test(
        arguments: [
            (RPUFixture.Kind.p7FEL, 7, ProbeLayer.fel), (.p7MEL, 7, .mel), (.p8, 8, nil), (.p5, 5, nil),
        ] as [(RPUFixture.Kind, Int, ProbeLayer?)])
    func readsProfileAndLayer(kind: RPUFixture.Kind, profile: Int, layer: ProbeLayer?) async {
        let report = await probe(Films.mp4(kind) { $0.sampleEntryType = kind == .p5 ? "dvh1" : "hvc1" })
        #expect(
            report
                == ProbeReport(
                    container: .mp4, dv: true, dvProfile: profile, dvLayer: layer, bytesRead: report.bytesRead))
    }

    @Test func moovAtTheEnd() async {
        let report = await probe(
            Films.mp4(.p7FEL) {
                $0.moovAtEnd = true
                $0.largeMdat = true
                $0.audioBytes = 3 << 20
            })
        #expect(report.dvLayer == .fel && report.error == nil)
        #expect(report.bytesRead < 128 * 1024)
    }

    @Test func fragmented() async {
        let report = await probe(
            Films.mp4(.p7MEL) {
                $0.fragmented = true
                $0.frames = [Films.frame(.p7MEL, usePrevious: true), Films.frame(.p7MEL, keyframe: false)]
            })
        #expect(report.dvProfile == 7 && report.dvLayer == .mel && report.error == nil)
    }

    @Test func samplesAcrossChunksFollowStsc() async {
        let frames = (0..<4).map { _ in Films.frame(.p7FEL, usePrevious: true) } + [Films.frame(.p7FEL)]
        let report = await probe(Films.mp4(.p7FEL) { $0.frames = frames })
        #expect(report.dvLayer == .fel && report.error == nil)
    }

    @Test func theHEVCTrackWinsOverACoverArtTrack() async {
        let report = await probe(Films.mp4(.p7FEL) { $0.coverTrackFirst = true })
        #expect(report.dvProfile == 7 && report.dvLayer == .fel && report.error == nil)
    }

    @Test func hevcWithoutDolbyVision() async {
        let report = await probe(Films.mp4(nil))
        #expect(report == ProbeReport(container: .mp4, dv: false, bytesRead: report.bytesRead))
    }

    @Test func aBadCRCGivesNoLayer() async {
        let report = await probe(Films.mp4(.p7MEL) { $0.frames = [Films.frame(.p7MEL, badCRC: true)] })
        #expect(report.dv && report.dvProfile == 7 && report.dvLayer == nil && report.error == nil)
    }

    @Test func anotherVideoCodecKeepsTheRecordOnly() async {
        let report = await probe(
            Films.mp4(nil) {
                $0.sampleEntryType = "avc1"
                $0.doviRecord = HEVCFixture.doviRecord(profile: 9, enhancementLayer: false)
            })
        #expect(report == ProbeReport(container: .mp4, dv: true, dvProfile: nil, bytesRead: report.bytesRead))
    }

    @Test func aTruncatedFileIsAnError() async {
        let bytes = Films.mp4(.p7FEL) { $0.moovAtEnd = true }
        let report = await probe(Array(bytes.prefix(bytes.count - 200)))
        #expect(report.container == .mp4 && report.dvLayer == nil)
        #expect(report.error != nil)
    }
}

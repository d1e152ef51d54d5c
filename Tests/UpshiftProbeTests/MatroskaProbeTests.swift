import Testing
import UpshiftProbe
import UpshiftProbeFixtures

@Suite struct MatroskaProbeTests {
    @Test(
        arguments: [
            (RPUFixture.Kind.p7FEL, 7, ProbeLayer.fel), (.p7MEL, 7, .mel), (.p8, 8, nil), (.p5, 5, nil),
        ] as [(RPUFixture.Kind, Int, ProbeLayer?)])
    func readsProfileAndLayer(kind: RPUFixture.Kind, profile: Int, layer: ProbeLayer?) async {
        let report = await probe(Films.mkv(kind))
        #expect(report.container == .mkv)
        #expect(report.dv)
        #expect(report.dvProfile == profile)
        #expect(report.dvLayer == layer)
        #expect(report.error == nil)
    }

    @Test func hevcWithoutDolbyVision() async {
        let report = await probe(Films.mkv(nil))
        #expect(report == ProbeReport(container: .mkv, dv: false, bytesRead: report.bytesRead))
    }

    @Test func theRPUComesFromTheStreamNotTheRecord() async {
        // Old MakeMKV: no configuration record at all, or one that says something else.
        let withoutRecord = await probe(Films.mkv(.p7FEL) { $0.doviRecord = nil })
        #expect(withoutRecord.dv && withoutRecord.dvProfile == 7 && withoutRecord.dvLayer == .fel)
        let wrongRecord = await probe(
            Films.mkv(.p7MEL) { $0.doviRecord = HEVCFixture.doviRecord(profile: 8, enhancementLayer: false) })
        #expect(wrongRecord.dvProfile == 7 && wrongRecord.dvLayer == .mel)
    }

    @Test func rpuInABlockGroup() async {
        let report = await probe(Films.mkv(.p7FEL) { $0.blockStyle = .blockGroup })
        #expect(report.dvLayer == .fel && report.error == nil)
    }

    @Test func lacedAudioBlocksBeforeTheFirstVideoBlockAreReadPast() async {
        let report = await probe(
            Films.mkv(.p7MEL) {
                $0.audioBlocksBeforeVideo = 6
                $0.audioBlockSize = 5000
                $0.audioTrackFirst = true
            })
        #expect(report.dvLayer == .mel && report.error == nil)
    }

    @Test func unknownSizeClusterAndSegment() async {
        var fixture = MatroskaFixture(frames: [
            Films.frame(.p7FEL, usePrevious: true), Films.frame(.p7FEL, keyframe: false),
        ])
        fixture.unknownSizeCluster = true
        fixture.unknownSizeSegment = true
        let report = await probe(fixture.bytes())
        #expect(report.dvProfile == 7 && report.dvLayer == .fel && report.error == nil)
    }

    @Test func aLargeAttachmentIsSkippedNotRead() async {
        let bytes = Films.mkv(.p7FEL) {
            $0.attachmentSize = 6 << 20
            $0.frames = [Films.frame(.p7FEL, sliceBytes: 1 << 20)]
        }
        let report = await probe(bytes)
        #expect(report.dvLayer == .fel && report.error == nil)
        #expect(report.bytesRead < 128 * 1024, "read \(report.bytesRead) of \(bytes.count) bytes")
    }

    @Test func tracksAfterTheClustersAreFoundThroughTheSeekHead() async {
        let report = await probe(Films.mkv(.p7MEL) { $0.tracksAfterClusters = true })
        #expect(report.dvLayer == .mel && report.error == nil)
    }

    @Test func aReusedRPUIsFollowedToTheNextFrame() async {
        var fixture = MatroskaFixture(frames: [
            Films.frame(.p7FEL, usePrevious: true), Films.frame(.p7FEL, usePrevious: true),
            Films.frame(.p7MEL, keyframe: false),
        ])
        fixture.doviRecord = Films.record(.p7MEL)
        let report = await probe(fixture.bytes())
        #expect(report.dvProfile == 7 && report.dvLayer == .mel && report.error == nil)
    }

    @Test func onlyReusedRPUsLeaveTheLayerUnknown() async {
        let fixture = MatroskaFixture(frames: (0..<10).map { _ in Films.frame(.p7FEL, usePrevious: true) })
        let report = await probe(fixture.bytes())
        #expect(report.dv && report.dvProfile == 7 && report.dvLayer == nil && report.error == nil)
    }

    @Test func aBadCRCGivesNoLayer() async {
        let report = await probe(Films.mkv(.p7FEL) { $0.frames = [Films.frame(.p7FEL, badCRC: true)] })
        #expect(report.dv && report.dvProfile == 7)  // from the configuration record
        #expect(report.dvLayer == nil)
        #expect(report.error == nil)
    }

    @Test func anRPUThatIsNotLastIsFoundByWalkingTheFrame() async {
        let report = await probe(
            Films.mkv(.p7MEL) { $0.frames = [Films.frame(.p7MEL, sliceBytes: 20_000, trailingSEI: true)] })
        #expect(report.dvLayer == .mel && report.error == nil)
    }

    @Test(arguments: [1, 2, 4])
    func otherNALLengthSizes(lengthSize: Int) async {
        let report = await probe(
            Films.mkv(.p7FEL) {
                $0.codecPrivate = HEVCFixture.hvcC(lengthSize: lengthSize)
                $0.frames = [Films.frame(.p7FEL, lengthSize: lengthSize)]
            })
        #expect(report.dvLayer == .fel && report.error == nil)
    }

    @Test func aTruncatedFileIsAnError() async {
        let bytes = Films.mkv(.p7FEL) { $0.frames = [Films.frame(.p7FEL, sliceBytes: 50_000)] }
        let report = await probe(Array(bytes.prefix(bytes.count - 30_000)))
        #expect(report.container == .mkv)
        #expect(report.dvLayer == nil)
        #expect(report.error?.contains("ends inside") == true, "\(report.error ?? "no error")")
    }

    @Test func lacedVideoIsRefused() async {
        let report = await probe(Films.mkv(.p7FEL) { $0.lacedVideo = true })
        #expect(report.container == .mkv && report.dvLayer == nil)
        #expect(report.error == "the video track's blocks use lacing, which the probe does not read")
    }

    @Test func anotherVideoCodecIsNotDolbyVision() async {
        let report = await probe(Films.mkv(nil) { $0.codecID = "V_MPEG4/ISO/AVC" })
        #expect(report == ProbeReport(container: .mkv, dv: false, bytesRead: report.bytesRead))
    }

    @Test func aFileWithoutVideoIsAnError() async {
        var fixture = MatroskaFixture(frames: [])
        fixture.codecID = "V_MPEGH/ISO/HEVC"
        let bytes = fixture.bytes()
        let report = await probe(bytes)
        #expect(report.error == "the video track has no frame")
    }
}

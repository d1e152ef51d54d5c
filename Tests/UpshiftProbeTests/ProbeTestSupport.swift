import UpshiftProbe
import UpshiftProbeFixtures

/// Ready-made films for the probe tests.
enum Films {
    /// One access unit carrying an RPU of `kind` (none when `nil`).
    static func frame(
        _ kind: RPUFixture.Kind?, usePrevious: Bool = false, linearInterpolation: Bool = false, badCRC: Bool = false,
        sliceBytes: Int = 96, trailingSEI: Bool = false, keyframe: Bool = true, lengthSize: Int = 4
    ) -> [UInt8] {
        let rpu = kind.map {
            RPUFixture($0, usePrevious: usePrevious, linearInterpolation: linearInterpolation, badCRC: badCRC).nal()
        }
        let dualLayer = kind == .p7FEL || kind == .p7MEL
        return HEVCFixture.accessUnit(
            rpu: rpu, sliceBytes: sliceBytes, enhancementLayer: dualLayer, keyframe: keyframe,
            trailingSEI: trailingSEI, lengthSize: lengthSize)
    }

    /// The `dvcC` record a muxer writes for `kind`.
    static func record(_ kind: RPUFixture.Kind?) -> [UInt8]? {
        switch kind {
        case .p5: HEVCFixture.doviRecord(profile: 5, enhancementLayer: false, compatibility: 0)
        case .p7FEL, .p7MEL: HEVCFixture.doviRecord(profile: 7, enhancementLayer: true)
        case .p8: HEVCFixture.doviRecord(profile: 8, enhancementLayer: false, compatibility: 1)
        case nil: nil
        }
    }

    /// A Matroska file with one frame of `kind` and its record, adjusted by `configure`.
    static func mkv(_ kind: RPUFixture.Kind?, _ configure: (inout MatroskaFixture) -> Void = { _ in }) -> [UInt8] {
        var fixture = MatroskaFixture(frames: [frame(kind)])
        fixture.doviRecord = record(kind)
        configure(&fixture)
        return fixture.bytes()
    }

    /// An MP4 file with one frame of `kind` and its record, adjusted by `configure`.
    static func mp4(_ kind: RPUFixture.Kind?, _ configure: (inout MP4Fixture) -> Void = { _ in }) -> [UInt8] {
        var fixture = MP4Fixture(frames: [frame(kind)])
        fixture.doviRecord = record(kind)
        configure(&fixture)
        return fixture.bytes()
    }
}

/// Probes `bytes` in memory and checks that the report's `bytesRead` is what the source served.
func probe(_ bytes: [UInt8]) async -> ProbeReport {
    let source = MemoryByteSource(bytes)
    let report = await DolbyVisionProbe.probe(source)
    let served = await source.bytesRead
    precondition(report.bytesRead == served, "bytesRead \(report.bytesRead) but the source served \(served)")
    return report
}

/// A small deterministic random generator (SplitMix64), so a failing fuzz case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

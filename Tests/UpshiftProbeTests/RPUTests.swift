import Testing
import UpshiftProbeFixtures

@testable import UpshiftProbe

@Suite struct RPUTests {
    @Test func crcIsMPEG2NotZlib() {
        // The CRC-32/MPEG-2 check value of "123456789".
        #expect(CRC32MPEG2.checksum(Array("123456789".utf8)[...]) == 0x0376_E6E7)
        #expect(FixtureCRC.mpeg2(Array("123456789".utf8)) == 0x0376_E6E7)
    }

    @Test(
        arguments: [
            (RPUFixture.Kind.p5, 5, nil), (.p7FEL, 7, ProbeLayer.fel), (.p7MEL, 7, .mel), (.p8, 8, nil),
        ] as [(RPUFixture.Kind, Int, ProbeLayer?)])
    func parsesProfileAndLayer(kind: RPUFixture.Kind, profile: Int, layer: ProbeLayer?) throws {
        let summary = try #require(DolbyVisionRPU.parse(nal: RPUFixture(kind).nal()))
        #expect(summary == RPUSummary(profile: profile, layer: layer, deferred: false))
    }

    @Test(arguments: [RPUFixture.Kind.p7FEL, .p7MEL])
    func nlqValuesNeedEmulationPrevention(kind: RPUFixture.Kind) {
        let fixture = RPUFixture(kind)
        #expect(fixture.escapesInNLQ() > 0)
        #expect(fixture.nal().count > 2 + fixture.payload().count)
        #expect(RPUPayload.unescaped(fixture.nal().dropFirst(2)) == fixture.payload())
    }

    @Test func startsWithTheKnownSignature() {
        #expect(Array(RPUFixture(.p7FEL).nal().prefix(5)) == [0x7C, 0x01, 0x19, 0x08, 0x09])
    }

    @Test func usePreviousDefersToTheNextFrame() throws {
        let summary = try #require(DolbyVisionRPU.parse(nal: RPUFixture(.p7FEL, usePrevious: true).nal()))
        #expect(summary == RPUSummary(profile: 7, layer: nil, deferred: true))
    }

    @Test func linearInterpolationDefersToTheNextFrame() throws {
        let summary = try #require(DolbyVisionRPU.parse(nal: RPUFixture(.p7MEL, linearInterpolation: true).nal()))
        #expect(summary == RPUSummary(profile: 7, layer: nil, deferred: true))
    }

    @Test(arguments: RPUFixture.Kind.allCases)
    func aBadCRCIsNotAnRPU(kind: RPUFixture.Kind) {
        #expect(DolbyVisionRPU.parse(nal: RPUFixture(kind, badCRC: true).nal()) == nil)
    }

    @Test func anyFlippedBitInvalidatesTheRPU() {
        let nal = RPUFixture(.p7MEL).nal()
        for index in 2..<nal.count {
            for bit in 0..<8 {
                var mutated = nal
                mutated[index] ^= 1 << UInt8(bit)
                let summary = DolbyVisionRPU.parse(nal: mutated)
                #expect(summary == nil || summary?.layer == .mel, "byte \(index) bit \(bit)")
            }
        }
    }

    @Test func headerProfileRules() {
        func profile(_ vdr: UInt32, full: Bool = false, el: Bool = false, disable: Bool = true, depth: UInt32 = 4)
            -> Int?
        {
            DolbyVisionRPU.profile(
                vdrRPUProfile: vdr, fullRange: full, elResampling: el, disableResidual: disable,
                vdrBitDepthMinus8: depth)
        }
        #expect(profile(0, full: true) == 5)
        #expect(profile(0, full: false) == nil)
        #expect(profile(1, el: true, disable: false, depth: 4) == 7)
        #expect(profile(1, el: true, disable: false, depth: 2) == 4)
        #expect(profile(1) == 8)
        #expect(profile(2) == nil)
    }

    @Test func exponentialGolombRoundTrips() throws {
        var writer = BitWriter()
        let unsigned: [UInt64] = [0, 1, 2, 3, 7, 8, 255, 1 << 20, (1 << 32) - 2]
        let signed: [Int64] = [0, 1, -1, 2, -2, 1000, -1000]
        for value in unsigned { writer.ue(value) }
        for value in signed { writer.se(value) }
        var reader = RPUBitReader(writer.bytes)
        for value in unsigned { #expect(try UInt64(reader.ue()) == value) }
        for value in signed { #expect(try reader.se() == value) }
    }

    @Test func bitReaderStopsAtTheEnd() {
        var reader = RPUBitReader([0x00, 0x00, 0x00, 0x00, 0x00])
        #expect(throws: RPUBitReader.OutOfBits.self) { try reader.ue() }
        var short = RPUBitReader([0xFF])
        #expect(throws: RPUBitReader.OutOfBits.self) { try short.bits(9) }
    }

    @Test func emulationPreventionIsRemoved() {
        #expect(RPUPayload.unescaped([0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x03, 0x03][...]) == [0, 0, 1, 0, 0, 3])
    }
}

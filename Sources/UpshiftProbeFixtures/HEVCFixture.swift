/// HEVC access units and codec records for the fixtures: length-prefixed NAL units as
/// Matroska blocks and MP4 samples hold them.
public enum HEVCFixture {
    /// An access unit: an AUD, parameter sets (keyframes), a base-layer slice of `sliceBytes`,
    /// a wrapped enhancement-layer NAL unit (`7E 01`) when `enhancementLayer`, the RPU when
    /// given, and a suffix SEI after it when `trailingSEI` (so the RPU is not last).
    public static func accessUnit(
        rpu: [UInt8]?, sliceBytes: Int = 96, enhancementLayer: Bool = false, keyframe: Bool = true,
        trailingSEI: Bool = false, lengthSize: Int = 4
    ) -> [UInt8] {
        var units: [[UInt8]] = [[0x46, 0x01, 0x50]]  // access unit delimiter
        if keyframe {
            units.append([0x40, 0x01, 0x0C, 0x01, 0xFF, 0xFF, 0x01, 0x60])  // VPS
            units.append([0x42, 0x01, 0x01, 0x01, 0x60, 0x00, 0x00, 0x03, 0x00, 0x90])  // SPS
            units.append([0x44, 0x01, 0xC1, 0x72, 0xB4, 0x62, 0x40])  // PPS
        }
        units.append([keyframe ? 0x26 : 0x02, 0x01] + filler(sliceBytes, seed: 17))  // slice
        if enhancementLayer { units.append([0x7E, 0x01, 0x02, 0x01] + filler(48, seed: 91)) }
        if let rpu { units.append(rpu) }
        if trailingSEI { units.append([0x50, 0x01, 0x81, 0x01, 0x33, 0x80]) }
        return units.flatMap { prefixed($0, lengthSize: lengthSize) }
    }

    /// `unit` after its big-endian length in `lengthSize` bytes.
    public static func prefixed(_ unit: [UInt8], lengthSize: Int) -> [UInt8] {
        (0..<lengthSize).map { UInt8(truncatingIfNeeded: unit.count >> (8 * (lengthSize - 1 - $0))) } + unit
    }

    /// `count` bytes of slice-like data without zero bytes (so no start code or escape appears).
    public static func filler(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 151 &+ seed) % 255 + 1) }
    }

    /// A 23-byte `hvcC` record with no parameter-set arrays: Main 10, and NAL length size
    /// `lengthSize` in byte 21.
    public static func hvcC(lengthSize: Int = 4) -> [UInt8] {
        [
            0x01, 0x02, 0x20, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x99, 0xF0, 0x00, 0xFC,
            0xFD, 0xFA, 0xFA, 0x00, 0x00, 0x0C | UInt8(lengthSize - 1), 0x00,
        ]
    }

    /// A 24-byte `dvcC`/`dvvC` record: version 1.0, `profile`, `level`, RPU and BL present, EL
    /// present when `enhancementLayer`, and the base-layer compatibility ID.
    public static func doviRecord(profile: Int, level: Int = 6, enhancementLayer: Bool, compatibility: Int = 6)
        -> [UInt8]
    {
        var record = [UInt8](repeating: 0, count: 24)
        record[0] = 1
        record[2] = UInt8(profile << 1 | level >> 5)
        record[3] = UInt8((level & 0x1F) << 3 | 0x4 | (enhancementLayer ? 0x2 : 0) | 0x1)
        record[4] = UInt8(compatibility << 4)
        return record
    }
}

/// CRC-32/MPEG-2 computed bit by bit, independently of the probe's table-driven version, so the
/// fixtures check the probe rather than agree with it by construction.
public enum FixtureCRC {
    /// The CRC-32/MPEG-2 of `bytes` (polynomial 0x04C11DB7, init 0xFFFFFFFF, no reflection, no xor out).
    public static func mpeg2(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            for bit in stride(from: 7, through: 0, by: -1) {
                let incoming = UInt32(byte >> UInt8(bit) & 1)
                let top = crc >> 31
                crc <<= 1
                if top ^ incoming == 1 { crc ^= 0x04C1_1DB7 }
            }
        }
        return crc
    }
}

/// Writes ISO base media boxes for the MP4 fixtures.
public enum MP4Writer {
    /// A box: 32-bit size, type, payload.
    public static func box(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        u32(UInt32(8 + payload.count)) + Array(type.utf8) + payload
    }

    /// A full box: version and flags before the payload.
    public static func fullBox(_ type: String, version: UInt8 = 0, flags: UInt32 = 0, _ payload: [UInt8]) -> [UInt8] {
        box(type, [version] + Array(u32(flags).dropFirst()) + payload)
    }

    /// A box with a 64-bit size (`size` 1 and `largesize`).
    public static func largeBox(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        u32(1) + Array(type.utf8) + u64(UInt64(16 + payload.count)) + payload
    }

    /// Big-endian 16 bits.
    public static func u16(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    /// Big-endian 32 bits.
    public static func u32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * $0)) }
    }

    /// Big-endian 64 bits.
    public static func u64(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * $0)) }
    }
}

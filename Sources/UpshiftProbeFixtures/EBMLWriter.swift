/// Writes EBML elements for the Matroska fixtures.
public enum EBMLWriter {
    /// An element with a known size: ID, minimal size, payload.
    public static func element(_ id: UInt32, _ payload: [UInt8]) -> [UInt8] {
        idBytes(id) + size(payload.count) + payload
    }

    /// An element whose size is "unknown" (eight bytes of all ones after the marker).
    public static func unknownSizeElement(_ id: UInt32, _ payload: [UInt8]) -> [UInt8] {
        idBytes(id) + [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + payload
    }

    /// An unsigned integer element, in `width` bytes (minimal when `nil`).
    public static func uint(_ id: UInt32, _ value: UInt64, width: Int? = nil) -> [UInt8] {
        let minimal = max(1, (64 - value.leadingZeroBitCount + 7) / 8)
        let count = width ?? minimal
        return element(id, (0..<count).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (count - 1 - $0))) })
    }

    /// A string element (UTF-8, no terminator).
    public static func string(_ id: UInt32, _ value: String) -> [UInt8] {
        element(id, Array(value.utf8))
    }

    /// The ID's bytes: the ID already carries its length marker.
    public static func idBytes(_ id: UInt32) -> [UInt8] {
        let count = max(1, (32 - id.leadingZeroBitCount + 7) / 8)
        return (0..<count).map { UInt8(truncatingIfNeeded: id >> UInt32(8 * (count - 1 - $0))) }
    }

    /// The shortest size vint for `value` (never the reserved all-ones pattern).
    public static func size(_ value: Int) -> [UInt8] {
        var length = 1
        while UInt64(value) >= (UInt64(1) << UInt64(7 * length)) - 1 { length += 1 }
        let marked = UInt64(value) | UInt64(1) << UInt64(7 * length)
        return (0..<length).map { UInt8(truncatingIfNeeded: marked >> UInt64(8 * (length - 1 - $0))) }
    }
}

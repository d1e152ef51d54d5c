/// Writes bit fields most significant bit first, as the RPU reads them: `u(n)`, `ue(v)`, `se(v)`.
public struct BitWriter: Sendable {
    /// The bytes written; the last one is padded with zero bits.
    public private(set) var bytes: [UInt8] = []
    /// Bits written so far.
    public private(set) var bitCount = 0

    /// An empty writer.
    public init() {}

    /// `u(count)`: the low `count` bits of `value`.
    public mutating func write(_ value: UInt64, bits count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) {
            if bitCount % 8 == 0 { bytes.append(0) }
            if value >> UInt64(shift) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(bitCount % 8) }
            bitCount += 1
        }
    }

    /// One bit.
    public mutating func flag(_ value: Bool) {
        write(value ? 1 : 0, bits: 1)
    }

    /// `ue(v)`: Exp-Golomb.
    public mutating func ue(_ value: UInt64) {
        let code = value + 1
        let length = 64 - code.leadingZeroBitCount
        write(0, bits: length - 1)
        write(code, bits: length)
    }

    /// `se(v)`: signed Exp-Golomb.
    public mutating func se(_ value: Int64) {
        ue(value > 0 ? UInt64(2 * value - 1) : UInt64(-2 * value))
    }

    /// Zero bits up to the next byte boundary.
    public mutating func alignToByte() {
        while bitCount % 8 != 0 { write(0, bits: 1) }
    }
}

/// Reads the RPU's bit fields: fixed-width `u(n)` and Exp-Golomb `ue`/`se`, most significant
/// bit first. Every read is checked against the end, so a short or hostile RPU throws instead
/// of reading past it.
struct RPUBitReader {
    /// The end of the bits was reached, or an Exp-Golomb code was too long.
    struct OutOfBits: Error {}

    private let bytes: [UInt8]
    private var position = 0

    /// A reader at the first bit of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Bits not read yet.
    var remaining: Int { bytes.count * 8 - position }

    /// `u(count)`, for `count` up to 32.
    mutating func bits(_ count: Int) throws -> UInt32 {
        precondition((0...32).contains(count))
        guard count <= remaining else { throw OutOfBits() }
        var value: UInt32 = 0
        for _ in 0..<count {
            let bit = bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1
            value = value << 1 | UInt32(bit)
            position += 1
        }
        return value
    }

    /// One bit as a flag.
    mutating func flag() throws -> Bool {
        try bits(1) == 1
    }

    /// `ue(v)`: up to 31 leading zeros (values below 2^32 - 1), as FFmpeg's long reader.
    mutating func ue() throws -> UInt32 {
        var zeros = 0
        while try bits(1) == 0 {
            zeros += 1
            guard zeros <= 31 else { throw OutOfBits() }
        }
        return UInt32((UInt64(1) << zeros) - 1 + UInt64(try bits(zeros)))
    }

    /// `se(v)`.
    mutating func se() throws -> Int64 {
        let code = Int64(try ue())
        return code & 1 == 1 ? (code + 1) / 2 : -(code / 2)
    }
}

/// A token's lower-cased bytes packed into two machine words, so a lexicon lookup costs a multiply
/// and a compare rather than a string hash. Tokens longer than ``maxLength`` are never keywords.
struct TokenKey: Hashable, Sendable {
    /// Longest token the lexicon knows.
    static let maxLength = 16

    var low: UInt64
    var high: UInt64
    var length: Int

    /// A key from its parts.
    init(low: UInt64, high: UInt64, length: Int) {
        self.low = low
        self.high = high
        self.length = length
    }

    /// Packs `bytes[start..<end]`, lower-casing ASCII letters.
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        low = 0
        high = 0
        length = end - start
        guard length <= Self.maxLength else { return }
        var index = start
        var shift: UInt64 = 0
        while index < end && index < start + 8 {
            low |= UInt64(Self.lowercase(bytes[index])) << shift
            shift += 8
            index += 1
        }
        shift = 0
        while index < end {
            high |= UInt64(Self.lowercase(bytes[index])) << shift
            shift += 8
            index += 1
        }
    }

    /// Packs the `length` (1–16) bytes at `source`, lower-casing ASCII letters eight bytes at a
    /// time. Sixteen bytes must be readable at `source`; those past `length` are masked off with
    /// `masks[length]` (``Lexicon/keyMasks``): no branch on the length.
    @inline(__always)
    init(packing source: UnsafeRawPointer, _ length: Int, masks: UnsafePointer<KeyMask>) {
        self.length = length
        let first = UInt64(littleEndian: source.loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let mask = masks[length]
        low = Self.lowercased(first & mask.low)
        high = Self.lowercased(second & mask.high)
    }

    /// The bytes of a key of each length (0–16) in its two words.
    struct KeyMask {
        var low: UInt64
        var high: UInt64

        /// Masks for lengths 0 to ``TokenKey/maxLength``.
        static func table() -> [KeyMask] {
            (0...TokenKey.maxLength).map { length in
                func bytes(_ count: Int) -> UInt64 { count <= 0 ? 0 : count >= 8 ? ~0 : (1 << (UInt64(count) * 8)) - 1 }
                return KeyMask(low: bytes(length), high: bytes(length - 8))
            }
        }
    }

    /// ASCII lower-casing of eight bytes at once; other bytes pass through unchanged.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let heptets = word & (0x7F &* ones)
        let atLeastA = heptets &+ ((0x80 - 0x41) &* ones)  // high bit set when the byte is ≥ `A`
        let aboveZ = heptets &+ ((0x80 - 0x5B) &* ones)  // high bit set when the byte is > `Z`
        let upper = atLeastA & ~aboveZ & ~word & (0x80 &* ones)
        return word | (upper &>> 2)
    }

    /// Packs a lexicon spelling.
    init(_ text: String) {
        var utf8 = Array(text.utf8)
        self = utf8.withUnsafeMutableBufferPointer { TokenKey(UnsafeBufferPointer($0), 0, $0.count) }
    }

    /// ASCII lower-casing; other bytes pass through unchanged.
    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}

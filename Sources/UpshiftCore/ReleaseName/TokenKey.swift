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

    /// A cheap, well-mixed hash for the open-addressing table.
    @inline(__always)
    var mixed: UInt64 {
        (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)
    }
}

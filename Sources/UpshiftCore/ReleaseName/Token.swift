/// One token of a release name: a maximal run of bytes between delimiters (LABELS.md: space
/// `.` `_` `-` `[` `]` `(` `)` `{` `}` `,` `/` `+`, plus any other whitespace or control byte).
struct Token {
    /// Byte offsets of the token in the name's UTF-8.
    var start: Int32
    var end: Int32
    /// The value when the token is 1–9 ASCII digits, else -1.
    var number: Int32
    /// Index of the token's word in ``Lexicon``, or -1.
    var word: Int16
    /// The first delimiter byte after the token (0 at the end of the name).
    var delimiter: UInt8
    /// Number of digits when ``number`` is set.
    var digits: UInt8

    var length: Int { Int(end &- start) }
    /// ``start`` as an index.
    var lower: Int { Int(start) }
    /// ``end`` as an index.
    var upper: Int { Int(end) }
    /// A `+` stands right after the token (`DD+`, `HDR10+`, `BL+EL`).
    var plusAfter: Bool { delimiter == UInt8(ascii: "+") }
}

extension Token {
    /// Delimiters as bits: bytes 0–63 in `lowDelimiters`, 64–127 in `highDelimiters`.
    /// Whitespace and control bytes, space, `+` `,` `-` `.` `/` `(` `)`, and `[` `]` `_` `{` `}` DEL.
    private static let lowDelimiters: UInt64 = {
        var mask: UInt64 = (1 << 33) - 1  // 0x00–0x20
        for byte in "()+,-./".utf8 { mask |= 1 << UInt64(byte) }
        return mask
    }()
    private static let highDelimiters: UInt64 = {
        var mask: UInt64 = 0
        for byte in "[]_{}".utf8 { mask |= 1 << UInt64(byte - 64) }
        return mask | 1 << (0x7F - 64)
    }()

    /// True for a byte that separates tokens.
    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        if byte < 64 { return (lowDelimiters >> UInt64(byte)) & 1 != 0 }
        if byte < 128 { return (highDelimiters >> UInt64(byte &- 64)) & 1 != 0 }
        return false
    }

    /// Splits `bytes` into `tokens` (which must hold `bytes.count / 2 + 1` tokens) and returns the count.
    /// One pass: each token's key is packed and its number read while it is scanned.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>, lexicon: Lexicon
    ) -> Int {
        let low = lowDelimiters
        let high = highDelimiters
        @inline(__always) func delimits(_ byte: UInt8) -> Bool {
            byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : (byte < 128 && (high >> UInt64(byte &- 64)) & 1 != 0)
        }
        var count = 0
        var index = 0
        let length = bytes.count
        while index < length {
            while index < length && delimits(bytes[index]) { index += 1 }
            guard index < length else { break }
            let start = index
            var number: Int32 = 0
            var allDigits = true
            var key = TokenKey(low: 0, high: 0, length: 0)
            var shift: UInt64 = 0
            while index < length {
                let byte = bytes[index]
                if delimits(byte) { break }
                let digit = byte &- UInt8(ascii: "0")
                if digit < 10 && index - start < 9 {
                    number = number &* 10 &+ Int32(digit)
                } else {
                    allDigits = false
                }
                if shift < 64 {
                    key.low |= UInt64(TokenKey.lowercase(byte)) << shift
                } else if shift < 128 {
                    key.high |= UInt64(TokenKey.lowercase(byte)) << (shift - 64)
                }
                shift += 8
                index += 1
            }
            key.length = index - start
            tokens[count] = Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index),
                number: allDigits ? number : -1, word: lexicon.lookup(key),
                delimiter: index < length ? bytes[index] : 0, digits: allDigits ? UInt8(index - start) : 0
            )
            count += 1
        }
        return count
    }

    /// True for a TV marker: `S01E02` (more `E` parts allowed), a season pack `S01`, or `1x02`.
    static func isTVMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        var index = Int(token.start)
        let end = Int(token.end)
        func digitRun(_ limit: Int) -> Int {
            let begin = index
            while index < end && bytes[index] &- UInt8(ascii: "0") < 10 && index - begin < limit { index += 1 }
            return index - begin
        }
        let first = TokenKey.lowercase(bytes[index])
        if first == UInt8(ascii: "s") {
            index += 1
            let seasonDigits = digitRun(2)
            guard seasonDigits > 0 else { return false }
            if index == end { return seasonDigits == 2 }
            var episodes = 0
            while index < end && TokenKey.lowercase(bytes[index]) == UInt8(ascii: "e") {
                index += 1
                guard digitRun(3) > 0 else { return false }
                episodes += 1
            }
            return episodes > 0 && index == end
        }
        guard digitRun(2) > 0, index < end, TokenKey.lowercase(bytes[index]) == UInt8(ascii: "x") else { return false }
        index += 1
        let episodeDigits = digitRun(3)
        return episodeDigits >= 2 && index == end
    }
}

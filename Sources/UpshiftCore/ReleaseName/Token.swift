/// One token of a release name: a maximal run of bytes between delimiters (LABELS.md: space
/// `.` `_` `-` `[` `]` `(` `)` `{` `}` `,` `/` `+`, plus any other whitespace or control byte).
struct Token {
    /// Byte offsets of the token in the name's UTF-8.
    var start: Int
    var end: Int
    /// Index of the token's word in ``Lexicon``, or -1.
    var word: Int16
    /// A `+` stands right after the token (`DD+`, `HDR10+`, `BL+EL`).
    var plusAfter: Bool
    /// The first delimiter byte after the token (0 at the end of the name).
    var delimiter: UInt8
    /// The value when the token is 1–9 ASCII digits, else -1.
    var number: Int32
    /// Number of digits when ``number`` is set.
    var digits: UInt8

    var length: Int { end - start }
}

extension Token {
    /// True for a byte that separates tokens.
    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "+"):
            true
        default:
            false
        }
    }

    /// Splits `bytes` into `tokens` (which must hold `bytes.count / 2 + 1` tokens) and returns the count.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>, lexicon: Lexicon
    ) -> Int {
        var count = 0
        var index = 0
        let length = bytes.count
        while index < length {
            while index < length && isDelimiter(bytes[index]) { index += 1 }
            guard index < length else { break }
            let start = index
            var number: Int32 = 0
            var allDigits = true
            while index < length && !isDelimiter(bytes[index]) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit < 10 && index - start < 9 {
                    number = number * 10 + Int32(digit)
                } else {
                    allDigits = false
                }
                index += 1
            }
            let end = index
            let delimiter: UInt8 = end < length ? bytes[end] : 0
            let plusAfter = delimiter == UInt8(ascii: "+")
            tokens[count] = Token(
                start: start, end: end, word: lexicon.lookup(TokenKey(bytes, start, end)), plusAfter: plusAfter,
                delimiter: delimiter, number: allDigits ? number : -1, digits: allDigits ? UInt8(end - start) : 0
            )
            count += 1
        }
        return count
    }

    /// True for a TV marker: `S01E02` (more `E` parts allowed), a season pack `S01`, or `1x02`.
    static func isTVMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        var index = token.start
        let end = token.end
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

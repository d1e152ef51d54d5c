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

    /// True for a byte that separates tokens (``Lexicon/delimiters`` is the table of this).
    static func isDelimiter(_ byte: UInt8) -> Bool {
        if byte < 64 { return (lowDelimiters >> UInt64(byte)) & 1 != 0 }
        if byte < 128 { return (highDelimiters >> UInt64(byte &- 64)) & 1 != 0 }
        return false
    }

    /// Words of the delimiter bitmap for `byteCount` bytes.
    private static func bitmapWords(_ byteCount: Int) -> Int { byteCount / 64 + 1 }

    /// Words of scratch space ``tokenize(_:into:scratch:lexicon:)`` needs for `byteCount` bytes: the
    /// delimiter bitmap, then a copy of the bytes followed by sixteen zero bytes.
    static func scratchWords(_ byteCount: Int) -> Int { bitmapWords(byteCount) + (byteCount + 16 + 7) / 8 }

    /// Splits `bytes` into `tokens` (which must hold `bytes.count / 2 + 1` tokens) and returns the count;
    /// `scratch` holds ``scratchWords(_:)`` words.
    ///
    /// First a bitmap of the delimiter bytes is built without a branch per byte; tokens are then found
    /// with bit scans, so a token costs a few instructions (and no mispredicted branch per byte) before
    /// its number is read (when it starts with a digit) and its key packed and looked up. Keys are read
    /// from a zero-padded copy of the name, so every token packs eight bytes at a time.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>,
        scratch: UnsafeMutablePointer<UInt64>, lexicon: Lexicon
    ) -> Int {
        guard let source = bytes.baseAddress else { return 0 }
        let length = bytes.count
        let words = bitmapWords(length)
        let bitmap = scratch
        let base = UnsafeMutableRawPointer(scratch + words).bindMemory(to: UInt8.self, capacity: length + 16)
        base.initialize(from: source, count: length)
        (base + length).initialize(repeating: 0, count: 16)
        // Bit i of word w: byte 64w + i is a delimiter; bytes past the end count as delimiters.
        let delimiters = lexicon.delimiters
        let keyMasks = UnsafePointer(lexicon.keyMasks)
        var word = 0
        while word < words {
            let first = word &* 64
            let count = min(64, length &- first)
            var mask: UInt64 = count < 64 ? ~0 &<< UInt64(count) : 0
            // Eight bytes per step: the copy is padded, and padding bytes (NUL) are delimiters anyway.
            var bit = 0
            while bit < count {
                let at = first &+ bit
                var eight = UInt64(delimiters[Int(base[at])])
                eight |= UInt64(delimiters[Int(base[at &+ 1])]) &<< 1
                eight |= UInt64(delimiters[Int(base[at &+ 2])]) &<< 2
                eight |= UInt64(delimiters[Int(base[at &+ 3])]) &<< 3
                eight |= UInt64(delimiters[Int(base[at &+ 4])]) &<< 4
                eight |= UInt64(delimiters[Int(base[at &+ 5])]) &<< 5
                eight |= UInt64(delimiters[Int(base[at &+ 6])]) &<< 6
                eight |= UInt64(delimiters[Int(base[at &+ 7])]) &<< 7
                mask |= eight &<< UInt64(bit)
                bit &+= 8
            }
            bitmap[word] = mask
            word &+= 1
        }

        // Tokens start at a non-delimiter after a delimiter (or at byte 0) and end at a delimiter after a
        // non-delimiter; the two kinds of bit alternate, so one cursor over each pairs them up. The last word
        // always holds the end of the last token (bytes past the end are delimiters).
        @inline(__always) func starts(_ word: Int) -> UInt64 {
            let previous = word > 0 ? bitmap[word &- 1] : ~0
            return ~bitmap[word] & (bitmap[word] &<< 1 | previous &>> 63)
        }
        @inline(__always) func ends(_ word: Int) -> UInt64 {
            let previous = word > 0 ? bitmap[word &- 1] : ~0
            return bitmap[word] & (~bitmap[word] &<< 1 | ~previous &>> 63)
        }
        var count = 0
        var startWord = 0
        var startBits = starts(0)
        var endWord = 0
        var endBits = ends(0)
        while true {
            while startBits == 0 {
                startWord &+= 1
                if startWord == words { return count }
                startBits = starts(startWord)
            }
            let start = startWord &* 64 &+ startBits.trailingZeroBitCount
            startBits &= startBits &- 1
            while endBits == 0 {
                endWord &+= 1
                endBits = ends(endWord)
            }
            let index = endWord &* 64 &+ endBits.trailingZeroBitCount
            endBits &= endBits &- 1
            let tokenLength = index &- start

            // 1–9 ASCII digits: the value.
            var number: Int32 = -1
            var digits: UInt8 = 0
            if base[start] &- UInt8(ascii: "0") < 10 && tokenLength <= 9 {
                var value: Int32 = 0
                var position = start
                while position < index {
                    let digit = base[position] &- UInt8(ascii: "0")
                    if digit >= 10 { break }
                    value = value &* 10 &+ Int32(digit)
                    position &+= 1
                }
                if position == index {
                    number = value
                    digits = UInt8(truncatingIfNeeded: tokenLength)
                }
            }

            // No lexicon spelling is all digits: a number needs no look-up.
            var word: Int16 = -1
            if tokenLength <= TokenKey.maxLength && digits == 0 {
                word = lexicon.lookup(TokenKey(packing: UnsafeRawPointer(base + start), tokenLength, masks: keyMasks))
            }
            tokens[count] = Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index),
                number: number, word: word, delimiter: base[index], digits: digits  // the padding reads 0 at the end
            )
            count &+= 1
        }
    }

    /// False for a token that cannot be a TV marker: one that starts with neither `s`/`S` nor a digit.
    @inline(__always)
    static func mayBeTVMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let first = bytes[token.lower]
        return min(first | 0x20 ^ UInt8(ascii: "s"), (first &- UInt8(ascii: "0")) / 10) == 0
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

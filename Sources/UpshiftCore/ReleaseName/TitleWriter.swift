/// Writes the title tokens of a name as a person would: `The.Kings.Speech` → `The Kings Speech`,
/// `R.I.P.D.2013` → `R.I.P.D.`, `Ant-Man` kept, and a name written with spaces kept as written
/// (`Avatar: The Way of Water`, `Guardians of the Galaxy Vol. 3`).
enum TitleWriter {
    static func title(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>, _ range: Range<Int>
    ) -> String? {
        guard !range.isEmpty else { return nil }
        let start = tokens[range.lowerBound].lower
        let end = tokens[range.upperBound - 1].upper
        var spaced = false
        for index in start..<end where bytes[index] == UInt8(ascii: " ") {
            spaced = true
            break
        }
        if spaced {
            return makeString(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        // Dotted or underscored, with one byte between tokens and no single letters: the title is the name's
        // bytes with each separator but `-` made a space, written straight into the string.
        if isSimple(bytes, tokens, range) {
            return String(unsafeUninitializedCapacity: end - start) { output in
                output.baseAddress!.initialize(from: bytes.baseAddress! + start, count: end - start)
                for index in range.dropLast() {
                    let gap = tokens[index].upper
                    if bytes[gap] != UInt8(ascii: "-") { output[gap - start] = UInt8(ascii: " ") }
                }
                return end - start
            }
        }
        // Otherwise rebuild with spaces, keeping hyphens and joining initials.
        // Joined initials may write `. ` where the name had one `.`: room for twice the bytes. Written on the
        // stack first, so that the string is made at its exact length (inline, with no allocation, up to 15 bytes).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (end - start) * 2 + 2) { output in
            var length = 0
            for index in range {
                let token = tokens[index]
                if index > range.lowerBound {
                    let previous = tokens[index - 1]
                    let gap = UnsafeBufferPointer(rebasing: bytes[previous.upper..<token.lower])
                    if isInitial(bytes, previous) && isInitial(bytes, token) && gap.count == 1 && gap[0] == UInt8(ascii: ".") {
                        output[length] = UInt8(ascii: ".")
                    } else if gap.count == 1 && gap[0] == UInt8(ascii: "-") {
                        output[length] = UInt8(ascii: "-")
                    } else {
                        if isInitial(bytes, previous) && index >= range.lowerBound + 2
                            && isInitial(bytes, tokens[index - 2])
                        {
                            output[length] = UInt8(ascii: ".")
                            length += 1
                        }
                        output[length] = UInt8(ascii: " ")
                    }
                    length += 1
                }
                for position in token.lower..<token.upper {
                    output[length] = bytes[position]
                    length += 1
                }
            }
            let last = range.upperBound - 1
            if last >= range.lowerBound + 1 && isInitial(bytes, tokens[last]) && isInitial(bytes, tokens[last - 1]) {
                output[length] = UInt8(ascii: ".")
                length += 1
            }
            return makeString(UnsafeBufferPointer(rebasing: output[..<length]))
        }
    }

    /// A string of `utf8` (ill-formed UTF-8 is repaired, as `String(decoding:as:)` does), made at its exact
    /// length: inline, with no allocation, up to 15 bytes. Cheaper than `String(decoding:as:)`, whose small-string
    /// path copies through a slower route.
    static func makeString(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: utf8.count) { output in
            if let source = utf8.baseAddress { output.baseAddress!.initialize(from: source, count: utf8.count) }
            return utf8.count
        }
    }

    /// True when every gap between the tokens is one byte and no token is a single letter: then
    /// ``title(_:_:_:)`` only turns separators other than `-` into spaces.
    private static func isSimple(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>, _ range: Range<Int>
    ) -> Bool {
        var previousEnd = -1
        for index in range {
            let token = tokens[index]
            if isInitial(bytes, token) || (previousEnd >= 0 && token.lower != previousEnd + 1) { return false }
            previousEnd = token.upper
        }
        return true
    }

    /// A single ASCII letter, as in `R.I.P.D`.
    private static func isInitial(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        token.length == 1 && (bytes[token.lower] | 0x20) &- UInt8(ascii: "a") < 26
    }
}

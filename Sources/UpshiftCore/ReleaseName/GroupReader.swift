/// Finds the release group: the text after the final `-`, once a file extension and trailing
/// bracket tags (`[TGx]`, `[rarbg]`) are removed (LABELS.md `group`).
///
/// A candidate that holds any known marker or a bare small number is not a group (`Blu-ray.REMUX…`
/// after the dash of `Blu-ray`, `HD.MA.5.1` after `DTS-HD`): then no group is reported and every
/// marker keeps counting.
enum GroupReader {
    /// Video file extensions, as three lower-cased bytes packed little-endian.
    private static let extensions: [UInt32] = ["mkv", "mp4", "avi", "m4v", "wmv", "mov", "mpg"].map { text in
        text.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The byte range of the group in `bytes` (whose `count` tokens are `tokens`), or `nil`.
    static func group(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>, _ count: Int,
        lexicon: Lexicon
    ) -> Range<Int>? {
        var end = bytes.count
        if end > 4 && (bytes[end - 4] == UInt8(ascii: ".") || bytes[end - 4] == UInt8(ascii: " ")) {
            var tail: UInt32 = 0
            for position in (end - 3..<end).reversed() { tail = tail << 8 | UInt32(TokenKey.lowercase(bytes[position])) }
            if extensions.contains(tail) { end -= 4 }
        }
        end = trimSpaces(bytes, end)
        // Trailing `[tags]`, each removed whole.
        while end > 0 && bytes[end - 1] == UInt8(ascii: "]") {
            var open = end - 2
            while open >= 0 && bytes[open] != UInt8(ascii: "[") { open -= 1 }
            guard open >= 0 else { break }
            end = trimSpaces(bytes, open)
        }
        // `(… English - HONE)`: the group sits inside the closing parenthesis.
        if end > 0 && bytes[end - 1] == UInt8(ascii: ")") { end = trimSpaces(bytes, end - 1) }

        var dash = end - 1
        while dash >= 0 && bytes[dash] != UInt8(ascii: "-") { dash -= 1 }
        guard dash >= 0 else { return nil }
        var start = dash + 1
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        guard start < end else { return nil }
        let plausible =
            isPlausible(bytes, tokens, count, start, end, lexicon) ?? isPlausible(bytes, start, end, lexicon)
        return plausible ? start..<end : nil
    }

    /// ``isPlausible(_:_:_:_:)`` from the tokens, when the candidate's parts are exactly its tokens (it
    /// holds no delimiter but space, `.` and `_`): their lexicon words and numbers are already known.
    /// `nil` when the candidate is not that simple.
    private static func isPlausible(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>, _ count: Int,
        _ start: Int, _ end: Int, _ lexicon: Lexicon
    ) -> Bool? {
        for index in start..<end where lexicon.delimiters[Int(bytes[index])] != 0 {
            let byte = bytes[index]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") else {
                return nil
            }
        }
        var first = count
        while first > 0 && tokens[first - 1].lower >= start { first -= 1 }
        for index in first..<count {
            let token = tokens[index]
            guard token.upper <= end else {
                if token.lower >= end { break }
                return nil
            }
            // A marker, or a bare number of one or two digits (`HD.MA.5.1` after `DTS-HD`).
            if token.word >= 0 || (1...2).contains(token.digits) { return false }
        }
        return true
    }

    private static func trimSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        var end = end
        while end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    /// A group has no brackets and no part that the parser would read as a marker.
    private static func isPlausible(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lexicon: Lexicon) -> Bool {
        var partStart = start
        var index = start
        while index <= end {
            let byte = index < end ? bytes[index] : UInt8(ascii: " ")
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"),
                UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: ","):
                return false
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "_"):
                if index > partStart {
                    // The lexicon holds no NUL byte, and its keys leave NUL for padding: a part with
                    // one is no marker.
                    var digits = true
                    var nul = false
                    for position in partStart..<index {
                        let byte = bytes[position]
                        if byte &- UInt8(ascii: "0") >= 10 { digits = false }
                        if byte == 0 { nul = true }
                    }
                    if !nul && lexicon.lookup(TokenKey(bytes, partStart, index)) >= 0 { return false }
                    if digits && index - partStart <= 2 { return false }
                }
                partStart = index + 1
            default:
                break
            }
            index += 1
        }
        return true
    }
}

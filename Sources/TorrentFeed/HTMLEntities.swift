/// Decodes the HTML entities that survive XML parsing in double-encoded feeds (`&amp;#39;` arrives as
/// `&#39;`): numeric (`&#39;`, `&#x27;`) and the common named ones. Unknown entities stay as written.
enum HTMLEntities {
    private static let named: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    /// `text` with its entities decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let tail = rest[rest.index(after: ampersand)...]
            if let semicolon = tail.prefix(10).firstIndex(of: ";"), let character = character(for: tail[..<semicolon]) {
                result.append(character)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = tail
            }
        }
        return result + rest
    }

    /// The character an entity name (`amp`, `#39`, `#x27`) stands for.
    private static func character(for name: Substring) -> Character? {
        if let character = named[name] { return character }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }
}

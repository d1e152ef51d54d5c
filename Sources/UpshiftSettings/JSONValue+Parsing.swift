import Foundation

extension JSONValue {
    /// Parses a JSON document; a syntax error becomes ``SettingsError/invalidJSON(source:line:column:detail:)``
    /// naming `source` (a file path, or an option such as `--current`) and the line and column.
    public static func parse(_ data: Data, source: String) throws(SettingsError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw syntaxError(in: data, source: source)
        }
    }

    /// Locates a syntax error. `JSONDecoder` does not report where it stopped, but
    /// `JSONSerialization` says "around character N" (a byte offset), which is turned into a line
    /// and a column here.
    private static func syntaxError(in data: Data, source: String) -> SettingsError {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return .invalidJSON(source: source, line: nil, column: nil, detail: "not valid JSON")
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
        }
        let offset = characterOffset(in: detail) ?? data.count
        let (line, column) = lineAndColumn(of: min(offset, data.count), in: data)
        let message = detail.components(separatedBy: " around character").first ?? detail
        return .invalidJSON(source: source, line: line, column: column, detail: trimmedSentence(message))
    }

    /// The N of "around character N." in a `JSONSerialization` message.
    private static func characterOffset(in detail: String) -> Int? {
        guard let range = detail.range(of: "around character ") else { return nil }
        return Int(detail[range.upperBound...].prefix { $0.isNumber })
    }

    /// The 1-based line and column of a byte offset.
    private static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// "Invalid value." → "invalid value".
    private static func trimmedSentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "not valid JSON" }
        return first.lowercased() + text.dropFirst()
    }
}

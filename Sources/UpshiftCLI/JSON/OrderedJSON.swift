/// A JSON value whose objects keep their keys in the order they were written.
///
/// Foundation's `JSONEncoder` (swift-foundation, Swift 6.3 on Linux) writes object keys in hash
/// order, while SPEC §3 and §5 fix the key order of every line; ``OrderedJSONEncoder`` builds
/// this tree instead and ``text(pretty:)`` prints it.
indirect enum OrderedJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, already in its JSON text form.
    case number(String)
    /// A string.
    case string(String)
    /// A list.
    case array([OrderedJSON])
    /// Keys and values in insertion order.
    case object([Member])

    /// One key of an object.
    struct Member: Sendable, Hashable {
        /// The key.
        var key: String
        /// Its value.
        var value: OrderedJSON
    }

    /// The JSON text: compact on one line, or indented by two spaces per level when `pretty`.
    /// Slashes are not escaped.
    func text(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): Self.writeString(text, to: &output)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", to: &output, pretty: pretty, indent: indent) { item, output in
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &output, pretty: pretty, indent: indent) {
                member, output in
                Self.writeString(member.key, to: &output)
                output += pretty ? ": " : ":"
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String, pretty: Bool, indent: Int,
        element: (Element, inout String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        for (index, item) in elements.enumerated() {
            if index > 0 { output += "," }
            output += inner
            element(item, &output)
        }
        output += pretty ? "\n" + String(repeating: "  ", count: indent) + close : close
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, nothing else.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

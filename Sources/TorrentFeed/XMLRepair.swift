import Foundation

/// The one repair tried when a feed is not well-formed: trackers write HTML entities (`&nbsp;`,
/// `&eacute;`) that XML does not define, and bare `&` in titles and links. Known HTML entities become
/// numeric references, any other stray `&` becomes `&amp;`; CDATA sections are left alone.
enum XMLRepair {
    /// HTML entities seen in release titles, by name → code point. XML's own five are not here.
    private static let htmlEntities: [String: Int] = [
        "nbsp": 160, "ndash": 8211, "mdash": 8212, "hellip": 8230, "lsquo": 8216, "rsquo": 8217, "ldquo": 8220,
        "rdquo": 8221, "eacute": 233, "egrave": 232, "aacute": 225, "agrave": 224, "oacute": 243, "uacute": 250,
        "iacute": 237, "ntilde": 241, "ouml": 246, "uuml": 252, "auml": 228, "ccedil": 231, "szlig": 223,
        "copy": 169, "reg": 174, "trade": 8482,
    ]
    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    /// The repaired document, or `nil` when there was nothing to repair.
    static func repaired(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var changed = false
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: cdataStart) {
                let end = find(cdataEnd, in: bytes, from: index + cdataStart.count) ?? bytes.count
                output += bytes[index..<end]
                index = end
            } else if bytes[index] == UInt8(ascii: "&") {
                let (replacement, length) = entity(in: bytes, at: index)
                output += replacement
                changed =
                    changed || replacement.count != length
                    || !bytes[index..<(index + length)].elementsEqual(replacement)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? Data(output) : nil
    }

    /// What to write for the `&` at `start`, and how many input bytes it replaces.
    private static func entity(in bytes: [UInt8], at start: Int) -> ([UInt8], Int) {
        var end = start + 1
        while end < bytes.count, end - start <= 32, isNameByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else {
            return (Array("&amp;".utf8), 1)
        }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let whole = end - start + 1
        if xmlEntities.contains(name) || isNumericReference(name) {
            return (Array(bytes[start..<(start + whole)]), whole)
        }
        if let code = htmlEntities[name] { return (Array("&#\(code);".utf8), whole) }
        return (Array("&amp;".utf8), 1)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "#")
    }

    /// `#39` or `#x27`.
    private static func isNumericReference(_ name: String) -> Bool {
        guard name.hasPrefix("#") else { return false }
        let digits = name.dropFirst()
        if digits.first == "x" || digits.first == "X" {
            return digits.count > 1 && digits.dropFirst().allSatisfy(\.isHexDigit)
        }
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }
}

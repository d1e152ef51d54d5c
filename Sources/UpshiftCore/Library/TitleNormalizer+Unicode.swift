/// Builds a comparison form one Unicode scalar at a time (the non-ASCII path of ``TitleNormalizer``).
struct ComparisonWriter {
    /// UTF-8 of the comparison form written so far (never ends with a space).
    private(set) var bytes: [UInt8]
    /// A separator was seen since the last letter: the next letter starts a new word.
    private var pendingSpace = false

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity + 8)
    }

    /// Appends one scalar of a title.
    mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            appendASCII(UInt8(truncatingIfNeeded: value))
            return
        }
        switch value {
        case 0x00B4, 0x02BC, 0x2018, 0x2019, 0x201B, 0x2032:  // ´ ʼ ‘ ’ ‛ ′: apostrophes
            return
        case 0xFF01...0xFF5E:  // fullwidth ASCII
            appendASCII(UInt8(truncatingIfNeeded: value - 0xFEE0))
            return
        default:
            break
        }
        if appendFolded(scalar) { return }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            if properties.isAlphabetic && properties.canonicalCombiningClass == .notReordered {
                appendLetter(scalar)  // a vowel sign (Devanagari, Thai, …), not an accent
            }
        case .decimalNumber, .letterNumber, .otherNumber:
            appendLetter(scalar)
        default:
            guard properties.isAlphabetic else {
                pendingSpace = true
                return
            }
            guard properties.changesWhenLowercased else {
                appendLetter(scalar)
                return
            }
            for lower in properties.lowercaseMapping.unicodeScalars {
                appendLowercased(lower)
            }
        }
    }

    // MARK: - Private

    /// One scalar of a lower-case mapping: may still need the table (`Å` U+212B → `å` → `a`) or be a mark (`İ`).
    private mutating func appendLowercased(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            appendASCII(UInt8(truncatingIfNeeded: scalar.value))
        } else if !appendFolded(scalar) {
            let properties = scalar.properties
            let isMark = properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            if !isMark || (properties.isAlphabetic && properties.canonicalCombiningClass == .notReordered) {
                appendLetter(scalar)
            }
        }
    }

    /// Writes the ``TitleNormalizer/foldTable`` value of `scalar`; false when it has none.
    private mutating func appendFolded(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 0x2190 || (0xFB00...0xFB06).contains(value), let folded = TitleNormalizer.foldTable[value] else {
            return false
        }
        for part in folded.unicodeScalars {
            if part == " " {
                pendingSpace = true
            } else {
                appendLetter(part)
            }
        }
        return true
    }

    /// One ASCII byte, by the same rules as ``TitleNormalizer/foldASCII(_:into:)``.
    private mutating func appendASCII(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            appendWordByte(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            appendWordByte(byte | 0x20)
        case UInt8(ascii: "'"), UInt8(ascii: "`"):
            break
        case UInt8(ascii: "&"):
            pendingSpace = true
            appendWordByte(UInt8(ascii: "a"))
            bytes.append(UInt8(ascii: "n"))
            bytes.append(UInt8(ascii: "d"))
            pendingSpace = true
        default:
            pendingSpace = true
        }
    }

    /// A letter or digit that is already in its final form.
    private mutating func appendLetter(_ scalar: Unicode.Scalar) {
        startWordIfNeeded()
        bytes.append(contentsOf: scalar.utf8)
    }

    private mutating func appendWordByte(_ byte: UInt8) {
        startWordIfNeeded()
        bytes.append(byte)
    }

    private mutating func startWordIfNeeded() {
        if pendingSpace {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
        }
    }
}

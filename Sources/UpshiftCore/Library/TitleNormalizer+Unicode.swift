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
        if scalar.value < 0x80 {
            appendASCII(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            appendNonASCII(scalar)
        }
    }

    // MARK: - Private

    /// Kept out of line: its Unicode property look-ups (resilient stdlib types) would otherwise slow every ASCII
    /// scalar down.
    @inline(never)
    private mutating func appendNonASCII(_ scalar: Unicode.Scalar) {
        let value = scalar.value
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
        case .nonspacingMark, .spacingMark, .enclosingMark:
            if !Self.isAccent(value) { appendLetter(scalar) }
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

    /// A combining mark from the diacritic blocks (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF,
    /// U+FE20–U+FE2F): the accents of decomposed Latin, Greek and Cyrillic, whose precomposed letters
    /// ``TitleNormalizer/foldTable`` folds. Marks of other scripts (kana voicing, Devanagari vowel signs and viramas,
    /// Thai tone marks, …) are part of the spelling and are kept; Swift compares strings by canonical equivalence,
    /// so `が` and `か` + U+3099 still compare and hash alike.
    private static func isAccent(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// One scalar of a lower-case mapping: may still need the table (`Å` U+212B → `å` → `a`) or be a mark (`İ`).
    private mutating func appendLowercased(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            appendASCII(UInt8(truncatingIfNeeded: scalar.value))
        } else if !appendFolded(scalar), !Self.isAccent(scalar.value) {
            appendLetter(scalar)
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

// Generates Sources/UpshiftCore/Library/TitleNormalizer+FoldTable.swift.
//
// UpshiftCore may not import Foundation, so the NFKD part of the title normalisation (corpus/LABELS.md) is a table
// computed here, once, with Foundation: for every scalar in the covered blocks, NFKD → lower case → NFKD → drop
// nonspacing marks → keep letters/digits, other characters become one space. A scalar is written only when that
// result differs from what TitleNormalizer does without a table (lower-case a letter/digit, drop a mark, anything
// else is a separator). Letters that NFKD leaves alone but readers fold by habit (ø, ł, đ, æ, ß, þ, ...) are the
// `manual` entries below.
//
// Run from the package root:
//   swiftc -O scripts/generate-fold-table.swift -o /tmp/gen-fold && /tmp/gen-fold \
//       > Sources/UpshiftCore/Library/TitleNormalizer+FoldTable.swift
import Foundation

let blocks: [(ClosedRange<UInt32>, String)] = [
    (0x00A0...0x00FF, "Latin-1 Supplement"),
    (0x0100...0x017F, "Latin Extended-A"),
    (0x0180...0x024F, "Latin Extended-B"),
    (0x02B0...0x02FF, "Spacing Modifier Letters"),
    (0x0370...0x03FF, "Greek and Coptic"),
    (0x0400...0x04FF, "Cyrillic"),
    (0x1E00...0x1EFF, "Latin Extended Additional"),
    (0x1F00...0x1FFF, "Greek Extended"),
    (0x2070...0x209F, "Superscripts and Subscripts"),
    (0x2150...0x218F, "Number Forms"),
    (0xFB00...0xFB06, "Latin ligatures"),
]

/// Base letters that NFKD keeps as they are.
let manual: [UInt32: String] = [
    0x00C6: "ae", 0x00E6: "ae", 0x00D0: "d", 0x00F0: "d", 0x00D8: "o", 0x00F8: "o", 0x00DE: "th", 0x00FE: "th",
    0x00DF: "ss", 0x0110: "d", 0x0111: "d", 0x0126: "h", 0x0127: "h", 0x0131: "i", 0x0138: "k", 0x013F: "l",
    0x0140: "l", 0x0141: "l", 0x0142: "l", 0x0149: "n", 0x014A: "n", 0x014B: "n", 0x0152: "oe", 0x0153: "oe",
    0x0166: "t", 0x0167: "t",
    0x0180: "b", 0x0181: "b", 0x0182: "b", 0x0183: "b", 0x0186: "o", 0x0187: "c", 0x0188: "c", 0x0189: "d",
    0x018A: "d", 0x018B: "d", 0x018C: "d", 0x018E: "e", 0x018F: "e", 0x0190: "e", 0x0191: "f", 0x0192: "f",
    0x0193: "g", 0x0195: "hv", 0x0196: "i", 0x0197: "i", 0x0198: "k", 0x0199: "k", 0x019A: "l", 0x019C: "m",
    0x019D: "n", 0x019E: "n", 0x019F: "o", 0x01A2: "oi", 0x01A3: "oi", 0x01A4: "p", 0x01A5: "p", 0x01A6: "r",
    0x01AB: "t", 0x01AC: "t", 0x01AD: "t", 0x01AE: "t", 0x01B2: "v", 0x01B3: "y", 0x01B4: "y", 0x01B5: "z",
    0x01B6: "z", 0x01DD: "e", 0x01E4: "g", 0x01E5: "g", 0x01F6: "hv", 0x0220: "n", 0x0221: "d", 0x0222: "ou",
    0x0223: "ou", 0x0224: "z", 0x0225: "z", 0x0234: "l", 0x0235: "n", 0x0236: "t", 0x0237: "j", 0x0238: "db",
    0x0239: "qp", 0x023A: "a", 0x023B: "c", 0x023C: "c", 0x023D: "l", 0x023E: "t", 0x023F: "s", 0x0240: "z",
    0x0243: "b", 0x0244: "u", 0x0245: "v", 0x0246: "e", 0x0247: "e", 0x0248: "j", 0x0249: "j", 0x024A: "q",
    0x024B: "q", 0x024C: "r", 0x024D: "r", 0x024E: "y", 0x024F: "y",
    0x03C2: "σ", 0x1E9C: "s", 0x1E9D: "s", 0x1E9E: "ss",
]

/// Apostrophes: TitleNormalizer deletes these before it looks at the table.
let apostrophes: Set<UInt32> = [0x27, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019, 0x201B, 0x2032]

/// Same rule as TitleNormalizer: combining marks from the diacritic blocks are dropped (accents); other marks are
/// kept as part of the spelling.
func isMark(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
    default: return false
    }
}

func isKept(_ s: Unicode.Scalar) -> Bool {
    if s.properties.isAlphabetic { return true }
    switch s.properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
}

/// Letters/digits kept, runs of anything else as one space (leading/trailing space kept: it separates words).
func classify(_ scalars: [Unicode.Scalar]) -> String {
    var out = ""
    var pending = false
    for s in scalars {
        if apostrophes.contains(s.value) || isMark(s) { continue }
        if isKept(s) {
            if pending {
                out += " "
                pending = false
            }
            out.unicodeScalars.append(s)
        } else {
            pending = true
        }
    }
    if pending { out += " " }
    return out
}

func folded(_ s: Unicode.Scalar) -> String {
    if let m = manual[s.value] { return m }
    let d = String(s).decomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCompatibilityMapping
    // Final sigma folds like a case (ΟΔΥΣΣΕΑΣ == Οδυσσέας), as lower-casing one scalar at a time gives σ.
    var out = ""
    for part in classify(Array(d.unicodeScalars)).unicodeScalars {  // ǿ → ø + ◌́ → o: the manual folds apply too
        if let m = manual[part.value] { out += m } else { out.unicodeScalars.append(part) }
    }
    return out
}

func fallback(_ s: Unicode.Scalar) -> String {
    if isMark(s) { return "" }
    if isKept(s) { return classify(Array(s.properties.lowercaseMapping.unicodeScalars)) }
    return " "
}

func hex(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

func literal(_ v: String) -> String {
    var out = "\""
    for s in v.unicodeScalars {
        if s.value < 0x20 || s == "\"" || s == "\\" { fatalError("unexpected scalar in value") }
        out.unicodeScalars.append(s)
    }
    return out + "\""
}

print(
    """
    // Generated by scripts/generate-fold-table.swift; do not edit by hand.

    extension TitleNormalizer {
        /// Non-ASCII scalars whose comparison form differs from "lower-case it when it is a letter or digit, else a
        /// separator": NFKD with accents removed, plus the base-letter folds NFKD does not make (ø, ł, đ, æ, ß, þ, ...).
        /// A space in a value is a separator. Blocks covered: Latin-1 Supplement, Latin Extended-A and -B, Spacing
        /// Modifier Letters, Greek and Coptic, Cyrillic, Latin Extended Additional, Greek Extended, Superscripts and
        /// Subscripts, Number Forms, Latin ligatures (U+FB00–U+FB06).
        static let foldTable: [UInt32: String] = [
    """)
var allEntries: [String] = []
var keys: Set<UInt32> = []
for (range, _) in blocks {
    for v in range {
        guard let s = Unicode.Scalar(v), !apostrophes.contains(v) else { continue }
        if folded(s) != fallback(s) { keys.insert(v) }
    }
}
// A value is final: none of its scalars may be folded again (keeps normalisation idempotent).
for v in keys {
    for s in folded(Unicode.Scalar(v)!).unicodeScalars where keys.contains(s.value) {
        fatalError("value of U+\(hex(v)) contains folded scalar U+\(hex(s.value))")
    }
}
for (range, name) in blocks {
    var entries: [String] = []
    for v in range {
        guard let s = Unicode.Scalar(v), !apostrophes.contains(v) else { continue }
        let f = folded(s)
        if f != fallback(s) { entries.append("0x\(hex(v)): \(literal(f))") }
    }
    guard !entries.isEmpty else { continue }
    allEntries.append(contentsOf: entries)
    print("        // \(name)")
    var line = "       "
    for e in entries {
        if line.count + e.count + 2 > 120 {
            print(line)
            line = "       "
        }
        line += " " + e + ","
    }
    print(line)
}
print(
    """
        ]
    }
    """)

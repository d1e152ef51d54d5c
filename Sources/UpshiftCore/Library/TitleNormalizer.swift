/// Film titles in the comparison form of corpus/LABELS.md, and the key the library is matched on (SPEC §4).
///
/// The comparison form is: Unicode compatibility decomposition with accents removed, lower case, `&` → ` and `,
/// apostrophes deleted, every other run of non-letter non-digit characters → one space, trimmed. So
/// `The King's Speech` == `The.Kings.Speech` == `THE KINGS SPEECH`, `Spider-Man` == `Spider Man`,
/// `50/50` == `50.50`, `Rashômon` == `Rashomon`, `Amélie` == `AMELIE`.
///
/// The standard library has no Unicode normalisation, so the decomposition is a fold:
/// - ASCII (the usual release name) takes a byte loop with no per-character work.
/// - Apostrophes are `'` `’` `‘` `` ` `` as LABELS.md says, plus `´` `ʼ` `′` `‛`, which release names use the same way.
/// - Fullwidth forms U+FF01–U+FF5E are read as their ASCII twins (`：` is a separator, `Ａ` is `a`, `＆` is `and`).
/// - ``foldTable`` (generated with Foundation by `scripts/generate-fold-table.swift`) gives NFKD-and-strip for
///   Latin-1, Latin Extended-A/B and Additional, Greek, Cyrillic, super/subscripts, number forms and ligatures, plus
///   base letters NFKD keeps (ø→o, ł→l, đ→d, ß→ss, æ→ae, œ→oe, þ→th, ð→d, ı→i, …) and final ς→σ.
/// - Combining accents (U+0300–U+036F and the other diacritic blocks) are dropped, so a decomposed `e` + U+0301
///   folds like `é`. Marks of other scripts (kana voicing, Devanagari vowel signs, Thai tone marks) are spelling and
///   stay; Swift's `String` equality and hashing are canonical, so `が` and `か` + U+3099 still compare alike.
/// - Any other letter or digit (CJK, Hangul, Arabic, …) is kept, lower-cased by its Unicode mapping; anything else
///   separates words.
///
/// Not covered (they compare as written): compatibility forms outside those blocks (circled letters, halfwidth
/// katakana, CJK compatibility ideographs and radicals, Arabic presentation forms, `™`, …). Unlike a literal
/// NFKD-and-strip, `ガ` stays distinct from `カ` and a Hebrew or Arabic vowel point is kept.
public enum TitleNormalizer {
    /// The LABELS.md comparison form of `title`; empty when the title has no letter or digit.
    public static func normalize(_ title: String) -> String {
        withComparisonBytes(title) { String(decoding: $0, as: UTF8.self) }
    }

    /// The library matching key: ``normalize(_:)`` without a leading English article (`the`, `a`, `an`), unless the
    /// article is the whole title. `The Thing` and `Thing` share the key `thing`; `The` keeps `the`.
    public static func matchKey(_ title: String) -> String {
        folded(title).key
    }

    // MARK: - Internal

    /// ``matchKey(_:)`` plus the article it dropped, computed in one pass: two titles have the same
    /// ``normalize(_:)`` form exactly when both parts are equal.
    static func folded(_ title: String) -> (key: String, article: LeadingArticle) {
        withComparisonBytes(title) { bytes in
            let article = LeadingArticle(prefixOf: bytes)
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[article.byteCount...]), as: UTF8.self)
            return (key, article)
        }
    }

    /// Calls `body` with the UTF-8 of the comparison form, without allocating for short ASCII titles.
    static func withComparisonBytes<R>(_ title: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let fast: R?? = title.utf8.withContiguousStorageIfAvailable { source in
            // `&` is the only byte that grows: into ` and `, at most four bytes of output for one of input.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count * 4 + 1) { buffer in
                guard let count = foldASCII(source, into: buffer) else { return nil }
                return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
        if case .some(.some(let result)) = fast { return result }
        return foldUnicode(title).withUnsafeBufferPointer(body)
    }

    /// The ASCII fast path: writes the comparison form of `source` and returns its length, or `nil` at the first
    /// non-ASCII byte (the caller then takes ``foldUnicode(_:)``).
    static func foldASCII(
        _ source: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        var count = 0
        var pendingSpace = false
        for byte in source {
            var out = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out = byte | 0x20
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case UInt8(ascii: "&"):
                if count > 0 {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                }
                buffer[count] = UInt8(ascii: "a")
                buffer[count + 1] = UInt8(ascii: "n")
                buffer[count + 2] = UInt8(ascii: "d")
                count += 3
                pendingSpace = true
                continue
            case 0x80...:
                return nil
            default:
                pendingSpace = true
                continue
            }
            if pendingSpace {
                if count > 0 {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                }
                pendingSpace = false
            }
            buffer[count] = out
            count += 1
        }
        return count
    }

    /// The general path, one Unicode scalar at a time; gives the same result as ``foldASCII(_:into:)`` on ASCII.
    static func foldUnicode(_ title: String) -> [UInt8] {
        var writer = ComparisonWriter(capacity: title.utf8.count)
        for scalar in title.unicodeScalars {
            writer.append(scalar)
        }
        return writer.bytes
    }
}

/// A leading English article that ``TitleNormalizer/matchKey(_:)`` drops.
enum LeadingArticle: UInt8, Sendable {
    case none, the, a, an

    /// The article (with its space) at the start of a comparison form, when something follows it.
    init(prefixOf bytes: UnsafeBufferPointer<UInt8>) {
        let space = UInt8(ascii: " ")
        if bytes.count > 2, bytes[0] == UInt8(ascii: "a"), bytes[1] == space {
            self = .a
        } else if bytes.count > 3, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "n"), bytes[2] == space {
            self = .an
        } else if bytes.count > 4, bytes[0] == UInt8(ascii: "t"), bytes[1] == UInt8(ascii: "h"),
            bytes[2] == UInt8(ascii: "e"), bytes[3] == space
        {
            self = .the
        } else {
            self = .none
        }
    }

    /// Bytes of the comparison form taken by the article and its space.
    var byteCount: Int {
        switch self {
        case .none: 0
        case .a: 2
        case .an: 3
        case .the: 4
        }
    }
}

/// Reads a release name into a ``ParsedRelease`` (SPEC §3, corpus/LABELS.md).
///
/// Pure and allocation-light: the name's UTF-8 is split once into tokens on a stack buffer, each
/// token is looked up once in ``Lexicon``, and only the title and group become new strings.
/// Markers count only as whole tokens in the technical part — after the title and year, before
/// the group — so `Fellowship` is not FEL, `Mel Brooks` not MEL, `DaTmoSX` not Atmos. Numbers that
/// belong to the title are not the year: the year is the last year-like number before the first
/// technical token, never the first token (`Blade Runner 2049 2017`, `2012 2009`). The parser
/// reports what the name states and never guesses a Dolby Vision profile or layer.
public enum ReleaseNameParser {
    /// Years the parser accepts as a release year.
    static let years: ClosedRange<Int32> = 1888...2039

    /// Parses one release name. Any input is accepted; what cannot be read is `nil`/`false`.
    public static func parse(_ name: String) -> ParsedRelease {
        var utf8 = name
        return utf8.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: bytes.count / 2 + 1) { tokens in
                parse(name: name, bytes: bytes, tokens: tokens)
            }
        }
    }

    private static func parse(
        name: String, bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>
    ) -> ParsedRelease {
        let lexicon = Lexicon.shared
        let count = Token.tokenize(bytes, into: tokens, lexicon: lexicon)

        // The group, and where the technical part ends.
        let groupRange = GroupReader.group(bytes, lexicon: lexicon)
        var technicalEnd = count
        if let groupRange {
            while technicalEnd > 0 && tokens[technicalEnd - 1].lower >= groupRange.lowerBound { technicalEnd -= 1 }
        }

        // The first strong technical token or TV marker bounds the title and the year search.
        var tvMarker: Int?
        var stop = technicalEnd
        var index = 1
        while index < technicalEnd {
            let token = tokens[index]
            if Token.isTVMarker(bytes, token) {
                tvMarker = index
                stop = index
                break
            }
            if token.word >= 0 {
                let word = lexicon.words[Int(token.word)]
                if word.strong || word.part == .web && index + 1 < count && isPart(.dl, tokens[index + 1], lexicon) {
                    stop = index
                    break
                }
            }
            index += 1
        }

        // The year: the last year-like number in 1..<stop.
        var yearIndex: Int?
        index = stop - 1
        while index >= 1 {
            let token = tokens[index]
            if token.digits == 4 && years.contains(token.number) {
                yearIndex = index
                break
            }
            index -= 1
        }

        // The title: before the year, or before the first technical/edition/language word.
        var titleEnd: Int
        let technicalStart: Int
        if let yearIndex {
            titleEnd = yearIndex
            technicalStart = yearIndex + 1
        } else {
            titleEnd = 1
            while titleEnd < stop && !endsTitle(tokens[titleEnd], lexicon) { titleEnd += 1 }
            titleEnd = min(titleEnd, stop)
            technicalStart = titleEnd
        }
        titleEnd = trimEditions(tokens, titleEnd, lexicon)

        let quality = TechnicalReader.read(tokens, technicalStart..<max(technicalStart, technicalEnd), lexicon: lexicon)
        let title = titleEnd > 0 ? TitleWriter.title(bytes, tokens, 0..<titleEnd) : nil
        return ParsedRelease(
            name: name,
            kind: tvMarker == nil ? .movie : .episode,
            title: title,
            year: yearIndex.map { Int(tokens[$0].number) },
            quality: quality,
            group: groupRange.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        )
    }

    @inline(__always)
    private static func isPart(_ part: Word.Part, _ token: Token, _ lexicon: Lexicon) -> Bool {
        token.word >= 0 && lexicon.words[Int(token.word)].part == part
    }

    private static func endsTitle(_ token: Token, _ lexicon: Lexicon) -> Bool {
        token.word >= 0 && lexicon.words[Int(token.word)].endsTitle
    }

    /// Drops edition tags (`EXTENDED`, `THEATRICAL EDITION`, `Director's Cut`) and the second half of
    /// `X AKA Y` from the end of the title; never empties it.
    private static func trimEditions(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ end: Int, _ lexicon: Lexicon
    ) -> Int {
        var end = end
        // `X AKA Y`: keep X, the title most feeds and libraries use.
        var index = 1
        while index < end {
            if isPart(.aka, tokens[index], lexicon) {
                end = index
                break
            }
            index += 1
        }
        while end > 1 {
            let last = tokens[end - 1]
            if isPart(.edition, last, lexicon) {
                end -= 1
            } else if isPart(.editionCut, last, lexicon) && end > 2
                && (isPart(.edition, tokens[end - 2], lexicon) || isPart(.editionQualifier, tokens[end - 2], lexicon))
            {
                end -= 2
            } else {
                break
            }
        }
        return end
    }
}

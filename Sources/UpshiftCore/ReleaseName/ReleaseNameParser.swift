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
        if let parsed = name.utf8.withContiguousStorageIfAvailable({ parse(name, $0) }) { return parsed }
        var contiguous = name
        return contiguous.withUTF8 { parse(name, $0) }
    }

    private static func parse(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> ParsedRelease {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: bytes.count / 2 + 1) { tokens in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Token.scratchWords(bytes.count)) { scratch in
                read(name, bytes, tokens, scratch.baseAddress!)
            }
        }
    }

    private static func read(
        _ name: String, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>,
        _ scratch: UnsafeMutablePointer<UInt64>
    ) -> ParsedRelease {
        let lexicon = Lexicon.shared
        let count = Token.tokenize(bytes, into: tokens, scratch: scratch, lexicon: lexicon)

        // The group, and where the technical part ends.
        let groupRange = GroupReader.group(bytes, tokens, count, lexicon: lexicon)
        var technicalEnd = count
        if let groupRange {
            while technicalEnd > 0 && tokens[technicalEnd - 1].lower >= groupRange.lowerBound { technicalEnd -= 1 }
        }

        // A leading `[site tag]` is not part of the title.
        let titleStart = leadingTagEnd(bytes, tokens, count)

        // The first strong technical token or TV marker bounds the title and the year search.
        var tvMarker: Int?
        var stop = technicalEnd
        var index = titleStart + 1
        while index < technicalEnd {
            let token = tokens[index]
            if Token.mayBeTVMarker(bytes, token) && Token.isTVMarker(bytes, token)
                || isPart(.season, token, lexicon) && index + 1 < count && (1...2).contains(tokens[index + 1].digits)
            {
                tvMarker = index
                stop = index
                break
            }
            if token.word >= 0 {
                let word = lexicon.word(token.word)
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
        while index >= titleStart + 1 {
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
            titleEnd = titleStart + 1
            while titleEnd < stop && !endsTitle(tokens[titleEnd], lexicon) { titleEnd += 1 }
            titleEnd = min(titleEnd, stop)
            technicalStart = titleEnd
        }
        titleEnd = max(titleStart, trimEditions(tokens, titleStart, titleEnd, lexicon))

        return ParsedRelease(
            name: name,
            kind: tvMarker == nil ? .movie : .episode,
            title: titleEnd > titleStart ? TitleWriter.title(bytes, tokens, titleStart..<titleEnd) : nil,
            year: yearIndex.map { Int(tokens[$0].number) },
            quality: TechnicalReader.read(tokens, technicalStart..<max(technicalStart, technicalEnd), lexicon: lexicon),
            group: groupRange.map { TitleWriter.makeString(UnsafeBufferPointer(rebasing: bytes[$0])) }
        )
    }

    /// The index of the first token after a leading `[tag]` (`[ www.site.cd ] - Title…`), or 0.
    private static func leadingTagEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeMutableBufferPointer<Token>, _ count: Int
    ) -> Int {
        guard bytes.first == UInt8(ascii: "[") else { return 0 }
        var close = 1
        while close < bytes.count && bytes[close] != UInt8(ascii: "]") { close += 1 }
        guard close < bytes.count else { return 0 }
        var index = 0
        while index < count && tokens[index].lower < close { index += 1 }
        return index < count ? index : 0
    }

    @inline(__always)
    private static func isPart(_ part: Word.Part, _ token: Token, _ lexicon: Lexicon) -> Bool {
        token.word >= 0 && lexicon.word(token.word).part == part
    }

    private static func endsTitle(_ token: Token, _ lexicon: Lexicon) -> Bool {
        token.word >= 0 && lexicon.word(token.word).endsTitle
    }

    /// Drops edition tags (`EXTENDED`, `THEATRICAL EDITION`, `Director's Cut`) and the second half of
    /// `X AKA Y` from the end of the title; never empties it.
    private static func trimEditions(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ start: Int, _ end: Int, _ lexicon: Lexicon
    ) -> Int {
        var end = end
        // `X AKA Y`: keep X, the title most feeds and libraries use.
        var index = start + 1
        while index < end {
            if isPart(.aka, tokens[index], lexicon) {
                end = index
                break
            }
            index += 1
        }
        while end > start + 1 {
            let last = tokens[end - 1]
            if isPart(.edition, last, lexicon) {
                end -= 1
            } else if isPart(.editionCut, last, lexicon) && end > start + 2
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

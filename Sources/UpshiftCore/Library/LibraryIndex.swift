/// Finds the library movie a release is for (SPEC §4), in well under a microsecond per query.
///
/// Rules, in order:
/// 1. **An id wins.** A query whose TMDB id (then IMDb id) some library movie has gets that movie, whatever the
///    title says. A candidate with a *different* id of a kind the query has is never a match.
/// 2. **Title and year.** Titles compare by ``TitleNormalizer``. A candidate matches when
///    - its full comparison form equals the query's and the year is equal (best) or ±1 (second), or
///    - only the ``TitleNormalizer/matchKey(_:)`` is equal (a leading article differs: `Thing` / `The Thing`)
///      and the year is equal (third).
///
///    The best candidate wins; between equals the one inserted first.
/// 3. **A year is missing** (in the query or in the library): the movie matches only when it is the one library
///    movie under that key (ids that disagree do not count) and its full comparison form is equal.
///
/// A title with no letter or digit matches nothing by title. IMDb ids compare by number (`tt0113277`, `TT0113277`
/// and `113277` are the same id); one that is not `tt` + digits is ignored. When two library movies share an id
/// (a film in two Plex sections), the first inserted is returned for it.
public struct LibraryIndex: Sendable {
    /// The library, in insertion order.
    public let movies: [LibraryMovie]
    /// What a title/year query needs of each movie, by index into `movies`.
    private let entries: [Entry]
    /// The ids of each movie, read only by queries that carry an id.
    private let ids: [Ids]
    /// First movie (in insertion order) under each ASCII matching key; the rest are chained through `Entry.next`.
    private let asciiKeys: ASCIIKeyTable
    /// The same for keys with non-ASCII bytes, which compare as `String`s (canonical equivalence).
    private let unicodeFirstByKey: [String: Int32]
    /// First movie with each TMDB id.
    private let byTMDB: [Int: Int32]
    /// First movie with each IMDb id, by number.
    private let byIMDb: [Int: Int32]

    /// Indexes `movies`; earlier movies win ties.
    public init(_ movies: [LibraryMovie]) {
        precondition(movies.count < Int(Int32.max), "LibraryIndex holds fewer than 2^31 movies")
        self.movies = movies
        // Every key's bytes, one after another.
        var keyBytes: [UInt8] = []
        var keyRanges: [Range<Int>] = []
        keyRanges.reserveCapacity(movies.count)
        var entries: [Entry] = []
        entries.reserveCapacity(movies.count)
        var ids: [Ids] = []
        ids.reserveCapacity(movies.count)
        for movie in movies {
            let article = TitleNormalizer.withComparisonBytes(movie.title) { bytes in
                let article = LeadingArticle(prefixOf: bytes)
                let start = keyBytes.count
                keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[article.byteCount...]))
                keyRanges.append(start..<keyBytes.count)
                return article
            }
            entries.append(Entry(year: movie.year ?? 0, hasYear: movie.year != nil, article: article, next: -1))
            ids.append(Ids(tmdbId: movie.tmdbId, imdbNumber: movie.imdbId.flatMap(Self.imdbNumber)))
        }
        var asciiKeys = ASCIIKeyTable(expectedKeys: movies.count, keyBytes: keyBytes)
        var unicodeFirstByKey: [String: Int32] = [:]
        var byTMDB: [Int: Int32] = [:]
        var byIMDb: [Int: Int32] = [:]
        // Backwards, so that each insert goes in front and the last write is the earliest movie.
        for index in entries.indices.reversed() {
            let position = Int32(truncatingIfNeeded: index)
            let range = keyRanges[index]
            if !range.isEmpty {
                if ASCIIKeyTable.isASCII(keyBytes[range]) {
                    entries[index].next = asciiKeys.insert(range, position)
                } else {
                    let key = keyBytes[range].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                    entries[index].next = unicodeFirstByKey.updateValue(position, forKey: key) ?? -1
                }
            }
            if let tmdbId = ids[index].tmdbId { byTMDB[tmdbId] = position }
            if let imdbNumber = ids[index].imdbNumber { byIMDb[imdbNumber] = position }
        }
        self.entries = entries
        self.ids = ids
        self.asciiKeys = asciiKeys
        self.unicodeFirstByKey = unicodeFirstByKey
        self.byTMDB = byTMDB
        self.byIMDb = byIMDb
    }

    /// Number of library movies.
    public var count: Int { movies.count }

    /// The library movie a release is for, or nil.
    public func match(title: String, year: Int?, tmdbId: Int? = nil, imdbId: String? = nil) -> LibraryMovie? {
        matchIndex(title: title, year: year, tmdbId: tmdbId, imdbId: imdbId).map { movies[$0] }
    }

    // MARK: - Private

    /// What a title/year query compares against, for one library movie.
    private struct Entry: Sendable {
        /// The year, when `hasYear`.
        var year: Int
        var hasYear: Bool
        /// With the key, gives the full comparison form.
        var article: LeadingArticle
        /// Next movie under the same key, or -1.
        var next: Int32
    }

    /// The ids of one library movie.
    private struct Ids: Sendable {
        var tmdbId: Int?
        var imdbNumber: Int?
    }

    /// The matching key of a query: its bytes inline when it is ASCII and at most 64 bytes long.
    private struct QueryKey {
        var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        /// Length of the key (the comparison form without its article); 0 when the title has no letter or digit.
        var length: Int
        var article: LeadingArticle
        /// The key is in `bytes`; otherwise it is looked up as a `String`.
        var isInline: Bool

        init(_ comparison: UnsafeBufferPointer<UInt8>) {
            article = LeadingArticle(prefixOf: comparison)
            let key = UnsafeBufferPointer(rebasing: comparison[article.byteCount...])
            length = key.count
            isInline = key.count <= 64 && ASCIIKeyTable.isASCII(key)
            if isInline, let base = key.baseAddress {
                let count = key.count
                withUnsafeMutableBytes(of: &bytes) { $0.baseAddress!.copyMemory(from: base, byteCount: count) }
            }
        }
    }

    /// How good a title/year candidate is; lower is better.
    private enum Rank: Int, Comparable {
        // An exact title one year off is more likely the same film than another article's title.
        case exactTitleExactYear, exactTitleNearYear, articleOnlyExactYear

        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private func matchIndex(title: String, year: Int?, tmdbId: Int?, imdbId: String?) -> Int? {
        let imdbNumber = imdbId.flatMap(Self.imdbNumber)
        if let tmdbId, let index = byTMDB[tmdbId] { return Int(index) }
        if let imdbNumber, let index = byIMDb[imdbNumber] { return Int(index) }

        // The key is looked up from the comparison bytes copied out onto the stack: no `String` is made for it
        // unless it holds non-ASCII bytes or is very long. (The closure captures nothing: one that captured
        // `self` copied the whole index, retaining every table, on each query.)
        var query = TitleNormalizer.withComparisonBytes(title) { QueryKey($0) }
        let article = query.article
        let first: Int32
        if query.length == 0 {
            return nil
        } else if query.isInline {
            first = withUnsafeBytes(of: &query.bytes) { raw in
                let key = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                return asciiKeys.first(UnsafeBufferPointer(start: key, count: query.length))
            }
        } else {
            first = unicodeFirstByKey[TitleNormalizer.folded(title).key] ?? -1
        }
        var position = first
        guard position >= 0 else { return nil }
        var best: (index: Int, rank: Rank)?
        var eligible = 0
        var onlyEligible = -1
        while position >= 0 {
            let index = Int(position)
            let entry = entries[index]
            position = entry.next
            if tmdbId != nil || imdbNumber != nil {
                let other = ids[index]
                if let tmdbId, let otherId = other.tmdbId, otherId != tmdbId { continue }
                if let imdbNumber, let otherNumber = other.imdbNumber, otherNumber != imdbNumber { continue }
            }
            eligible += 1
            onlyEligible = index
            guard let year, entry.hasYear else { continue }
            let entryYear = entry.year
            let rank: Rank
            if entryYear == year {
                if entry.article == article { return index }
                rank = .articleOnlyExactYear
            } else if entry.article == article, entryYear == year - 1 || entryYear == year + 1 {
                rank = .exactTitleNearYear
            } else {
                continue
            }
            if best.map({ rank < $0.rank }) ?? true { best = (index, rank) }
        }
        if let best { return best.index }
        guard eligible == 1, entries[onlyEligible].article == article, year == nil || !entries[onlyEligible].hasYear
        else { return nil }
        return onlyEligible
    }

    /// The number of an IMDb id: `tt` (any case, optional) then 1–12 digits; nil otherwise.
    static func imdbNumber(_ id: String) -> Int? {
        var utf8 = Substring(id).utf8
        let prefix = utf8.prefix(2)
        if prefix.count == 2, prefix.allSatisfy({ $0 | 0x20 == UInt8(ascii: "t") }) {
            utf8 = utf8.dropFirst(2)
        }
        guard (1...12).contains(utf8.count) else { return nil }
        var number = 0
        for byte in utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number
    }
}

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
    /// What a query needs of each movie, by index into `movies`.
    private let entries: [Entry]
    /// First movie (in insertion order) under each matching key; the rest are chained through `Entry.next`.
    private let firstByKey: [String: Int32]
    /// First movie with each TMDB id.
    private let byTMDB: [Int: Int32]
    /// First movie with each IMDb id, by number.
    private let byIMDb: [Int: Int32]

    /// Indexes `movies`; earlier movies win ties.
    public init(_ movies: [LibraryMovie]) {
        precondition(movies.count < Int(Int32.max), "LibraryIndex holds fewer than 2^31 movies")
        self.movies = movies
        var keys: [String] = []
        keys.reserveCapacity(movies.count)
        var entries: [Entry] = []
        entries.reserveCapacity(movies.count)
        for movie in movies {
            let (key, article) = TitleNormalizer.folded(movie.title)
            keys.append(key)
            entries.append(
                Entry(
                    year: movie.year, tmdbId: movie.tmdbId, imdbNumber: movie.imdbId.flatMap(Self.imdbNumber),
                    article: article, next: -1
                )
            )
        }
        var firstByKey: [String: Int32] = [:]
        firstByKey.reserveCapacity(movies.count)
        var byTMDB: [Int: Int32] = [:]
        var byIMDb: [Int: Int32] = [:]
        // Backwards, so that each insert goes in front and the last write is the earliest movie.
        for index in entries.indices.reversed() {
            let position = Int32(truncatingIfNeeded: index)
            if !keys[index].isEmpty {
                entries[index].next = firstByKey.updateValue(position, forKey: keys[index]) ?? -1
            }
            if let tmdbId = entries[index].tmdbId { byTMDB[tmdbId] = position }
            if let imdbNumber = entries[index].imdbNumber { byIMDb[imdbNumber] = position }
        }
        self.entries = entries
        self.firstByKey = firstByKey
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

    /// What a query compares against, for one library movie.
    private struct Entry: Sendable {
        var year: Int?
        var tmdbId: Int?
        var imdbNumber: Int?
        /// With the key, gives the full comparison form.
        var article: LeadingArticle
        /// Next movie under the same key, or -1.
        var next: Int32
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

        let (key, article) = TitleNormalizer.folded(title)
        guard !key.isEmpty, var position = firstByKey[key] else { return nil }
        var best: (index: Int, rank: Rank)?
        var eligible = 0
        var onlyEligible = -1
        while position >= 0 {
            let index = Int(position)
            let entry = entries[index]
            position = entry.next
            if let tmdbId, let other = entry.tmdbId, other != tmdbId { continue }
            if let imdbNumber, let other = entry.imdbNumber, other != imdbNumber { continue }
            eligible += 1
            onlyEligible = index
            guard let year, let entryYear = entry.year else { continue }
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
        guard eligible == 1, entries[onlyEligible].article == article,
            year == nil || entries[onlyEligible].year == nil
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

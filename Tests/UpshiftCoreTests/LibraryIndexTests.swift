import Testing

@testable import UpshiftCore

/// SPEC §4 matching: ids first, then normalised title and year.
@Suite struct LibraryIndexTests {
    private static func movie(
        _ id: String, _ title: String, _ year: Int?, tmdb: Int? = nil, imdb: String? = nil
    ) -> LibraryMovie {
        LibraryMovie(id: id, title: title, year: year, tmdbId: tmdb, imdbId: imdb)
    }

    /// A small library with the classic traps.
    static let library = LibraryIndex([
        movie("heat", "Heat", 1995, tmdb: 949, imdb: "tt0113277"),
        movie("thing", "The Thing", 1982, tmdb: 1091),
        movie("br", "Blade Runner", 1982, tmdb: 78),
        movie("br2049", "Blade Runner 2049", 2017, tmdb: 335_984),
        movie("dune84", "Dune", 1984, tmdb: 841),
        movie("dune21", "Dune", 2021, tmdb: 438_631),
        movie("kings", "The King's Speech", 2010),
        movie("amelie", "Amélie", 2001),
        movie("mi8", "碟中谍8：最终清算", 2025),
        movie("gamera", "ガメラ", 1965),
        movie("noyear", "Primer", nil),
        movie("symbols", "!!!", 2000),
    ])

    /// Query (title, year) and the library id it must find, or nil.
    static let titleCases: [(String, Int?, String?)] = [
        ("Heat", 1995, "heat"),
        ("HEAT", 1996, "heat"),  // ±1 on an exact title
        ("Heat", 1994, "heat"),
        ("Heat", 1997, nil),
        ("Heat", nil, "heat"),  // only movie under the key
        ("The Thing", 1982, "thing"),
        ("The.Thing", 1983, "thing"),
        ("Thing", 1982, "thing"),  // article dropped, exact year
        ("Thing", 1983, nil),  // ±1 refused when only the article-less key matches
        ("Thing", nil, nil),
        ("Blade Runner", 1982, "br"),
        ("Blade.Runner.2049", 2017, "br2049"),
        ("Blade Runner", 2017, nil),
        ("Blade Runner 2049", 1982, nil),
        ("Dune", 1984, "dune84"),
        ("Dune", 2021, "dune21"),
        ("Dune", 2022, "dune21"),
        ("Dune", nil, nil),  // two movies under the key
        ("The.Kings.Speech", 2010, "kings"),
        ("AMELIE", 2001, "amelie"),
        ("碟中谍8 最终清算", 2025, "mi8"),
        ("カ\u{3099}メラ", 1965, "gamera"),  // decomposed kana find the precomposed title
        ("Primer", 2004, "primer-no-year"),
        ("Primer", nil, "primer-no-year"),
        ("???", 2000, nil),  // no letters: matches nothing by title
        ("", nil, nil),
        ("Heatwave", 1995, nil),
    ]

    @Test(arguments: titleCases)
    func matchesByTitleAndYear(_ query: (String, Int?, String?)) {
        let found = Self.library.match(title: query.0, year: query.1)
        #expect(found?.id == query.2.map { $0 == "primer-no-year" ? "noyear" : $0 })
    }

    @Test func countAndMovies() {
        #expect(Self.library.count == 12)
        #expect(Self.library.movies.first?.id == "heat")
        #expect(LibraryIndex([]).match(title: "Heat", year: 1995) == nil)
    }

    @Test func idWins() {
        let library = Self.library
        #expect(library.match(title: "Something Else", year: nil, tmdbId: 949)?.id == "heat")
        #expect(library.match(title: "Something Else", year: 1960, imdbId: "tt0113277")?.id == "heat")
        #expect(library.match(title: "", year: nil, imdbId: "TT0113277")?.id == "heat")
        #expect(library.match(title: "", year: nil, imdbId: "113277")?.id == "heat")
        // The tmdb id names Dune (1984) even though the year says 2021.
        #expect(library.match(title: "Dune", year: 2021, tmdbId: 841)?.id == "dune84")
        // An id the library does not have falls back to the title when the candidate has no id of that kind.
        #expect(library.match(title: "Amelie", year: 2001, tmdbId: 194)?.id == "amelie")
        #expect(library.match(title: "Amelie", year: 2001, imdbId: "tt0211915")?.id == "amelie")
    }

    @Test func conflictingIdRefuses() {
        let library = Self.library
        #expect(library.match(title: "Heat", year: 1995, tmdbId: 12_345) == nil)
        #expect(library.match(title: "Heat", year: 1995, imdbId: "tt9999999") == nil)
        #expect(library.match(title: "Dune", year: 2021, tmdbId: 999) == nil)
        #expect(library.match(title: "Heat", year: 1995, imdbId: "not an id")?.id == "heat")
    }

    /// Ids that disagree take a movie out of the nil-year ambiguity count.
    @Test func conflictingIdNarrowsAmbiguity() {
        let library = LibraryIndex([
            Self.movie("a", "Dune", 1984, tmdb: 841),
            Self.movie("b", "Dune", 2021),
        ])
        #expect(library.match(title: "Dune", year: nil) == nil)
        #expect(library.match(title: "Dune", year: nil, tmdbId: 438_631)?.id == "b")
    }

    @Test func prefersExactYearThenFirstInserted() {
        let library = LibraryIndex([
            Self.movie("1999", "Twin", 1999),
            Self.movie("2000", "Twin", 2000),
            Self.movie("2001", "Twin", 2001),
            Self.movie("2001-copy", "Twin", 2001),
        ])
        #expect(library.match(title: "Twin", year: 2000)?.id == "2000")
        #expect(library.match(title: "Twin", year: 2001)?.id == "2001")
        #expect(library.match(title: "Twin", year: 2002)?.id == "2001")

        let near = LibraryIndex([Self.movie("1999", "Twin", 1999), Self.movie("2001", "Twin", 2001)])
        #expect(near.match(title: "Twin", year: 2000)?.id == "1999")
    }

    /// Same year: the full title beats the article-less key, whichever came first; then the exact title ±1;
    /// then the article-less key in the exact year.
    @Test func prefersExactTitleThenExactYear() {
        let library = LibraryIndex([
            Self.movie("thing", "Thing", 1982),
            Self.movie("the-thing", "The Thing", 1982),
            Self.movie("the-thing-83", "The Thing", 1983),
            Self.movie("a-thing-84", "A Thing", 1984),
        ])
        #expect(library.match(title: "The Thing", year: 1982)?.id == "the-thing")
        #expect(library.match(title: "Thing", year: 1982)?.id == "thing")
        #expect(library.match(title: "Thing", year: 1983)?.id == "thing")  // exact title ±1 beats article-only
        #expect(library.match(title: "Thing", year: 1984)?.id == "a-thing-84")  // article-only, exact year
        // The exact title one year off ranks above an article-only match in the exact year:
        // "A Thing" and "The Thing" are different films, release years often differ by one.
        #expect(library.match(title: "The Thing", year: 1984)?.id == "the-thing-83")
        #expect(library.match(title: "A Thing", year: 1983)?.id == "a-thing-84")
        #expect(library.match(title: "The Thing", year: 1981)?.id == "the-thing")
    }

    @Test func libraryYearUnknown() {
        let alone = LibraryIndex([Self.movie("x", "Heat", nil)])
        #expect(alone.match(title: "Heat", year: 1995)?.id == "x")
        #expect(alone.match(title: "The Heat", year: 1995) == nil)

        let crowded = LibraryIndex([Self.movie("x", "Dune", nil), Self.movie("y", "Dune", 2021)])
        #expect(crowded.match(title: "Dune", year: 1984) == nil)
        #expect(crowded.match(title: "Dune", year: 2021)?.id == "y")
    }

    @Test func sharedIdGivesFirstInserted() {
        let library = LibraryIndex([
            Self.movie("4k", "Heat", 1995, tmdb: 949),
            Self.movie("hd", "Heat", 1995, tmdb: 949),
        ])
        #expect(library.match(title: "x", year: nil, tmdbId: 949)?.id == "4k")
        #expect(library.match(title: "Heat", year: 1995)?.id == "4k")
    }

    @Test(
        arguments: [
            ("tt0113277", 113_277), ("TT0113277", 113_277), ("Tt42", 42), ("0113277", 113_277),
            ("tt", nil), ("", nil), ("tt12x", nil), ("imdb://tt1", nil), ("tt1234567890123", nil),
        ] as [(String, Int?)])
    func imdbNumber(_ pair: (String, Int?)) {
        #expect(LibraryIndex.imdbNumber(pair.0) == pair.1)
    }
}

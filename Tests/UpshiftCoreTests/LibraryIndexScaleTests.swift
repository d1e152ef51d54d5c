import Testing

@testable import UpshiftCore

/// A generated 50,000-movie library: every movie is found from a release-style spelling of its own title and year,
/// and titles it does not hold are not. (Speed is measured by `upshift-bench`, not here.)
@Suite struct LibraryIndexScaleTests {
    /// Library spelling and release-name spelling of each word.
    private static let words: [(library: String, release: String)] = {
        let plain = """
            Heat Night Day City Star Dark Light Blood Moon Sun River Road House Girl Boy Man Woman King Queen War
            Love Dead Last First Lost Red Blue Black White Green Iron Steel Ghost Fire Ice Storm Wind Sea Sky Dream
            Shadow Silent Wild Cold Hot Big Little Long Short Secret Hidden Golden Broken Fallen Rising Seven Twelve
            Hundred Thousand Zero One Two Three Planet Island Mountain Desert Forest Garden Street Bridge Tower Castle
            Empire Kingdom Republic Nation Hunter Killer Soldier Doctor Lawyer Teacher Driver Runner Rider Dancer
            Singer Thief Spy Agent Angel Devil Saint Sinner Hero Villain Legend Story Tale Song Game Show Party Trip
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { (String($0), String($0)) }
        let special = [
            ("Amélie", "Amelie"), ("King's", "Kings"), ("Spider-Man", "Spider.Man"), ("&", "and"), ("Café", "Cafe"),
            ("Łódź", "Lodz"), ("Straße", "Strasse"), ("Rashômon", "Rashomon"), ("50/50", "50.50"),
            ("Mr.", "Mr"), ("Señor", "Senor"), ("Cœur", "Coeur"), ("R.I.P.D.", "R.I.P.D"),
        ]
        return plain + special
    }()

    private struct Generated {
        var movies: [LibraryMovie] = []
        var releaseTitles: [String] = []
    }

    private static let generated: Generated = {
        var random = SplitMix64(seed: 2_024)
        var result = Generated()
        var seen: Set<String> = []
        while result.movies.count < 50_000 {
            let article = random.pick(["", "", "", "The ", "A "])
            var libraryWords: [String] = []
            var releaseWords: [String] = []
            for _ in 0...(random.next() % 4) {
                let word = random.pick(words)
                libraryWords.append(word.library)
                releaseWords.append(random.next() % 2 == 0 ? word.release : word.release.uppercased())
            }
            if random.next() % 8 == 0 {
                let sequel = String(2 + random.next() % 5)
                libraryWords.append(sequel)
                releaseWords.append(sequel)
            }
            let title = article + libraryWords.joined(separator: " ")
            let year = 1920 + Int(random.next() % 106)
            guard seen.insert("\(TitleNormalizer.normalize(title))|\(year)").inserted else { continue }
            let index = result.movies.count
            result.movies.append(
                LibraryMovie(
                    id: "m\(index)", title: title, year: year, tmdbId: index % 3 == 0 ? 100_000 + index : nil
                )
            )
            let releaseArticle = article.isEmpty ? "" : article.replacing(" ", with: ".")
            result.releaseTitles.append(releaseArticle + releaseWords.joined(separator: "."))
        }
        return result
    }()

    private static let index = LibraryIndex(generated.movies)

    @Test func everyMovieIsFoundByItsOwnTitleAndYear() {
        let index = Self.index
        #expect(index.count == 50_000)
        var misses: [String] = []
        for (movie, release) in zip(Self.generated.movies, Self.generated.releaseTitles) {
            if index.match(title: release, year: movie.year)?.id != movie.id { misses.append(release) }
        }
        #expect(misses.isEmpty, "\(misses.count) misses, e.g. \(misses.prefix(5))")
    }

    @Test func everyMovieWithAnIdIsFoundById() {
        let index = Self.index
        for movie in Self.generated.movies where movie.tmdbId != nil {
            if index.match(title: "", year: nil, tmdbId: movie.tmdbId)?.id != movie.id {
                Issue.record("tmdb \(movie.tmdbId ?? 0) not found")
                return
            }
        }
    }

    @Test func absentTitlesAreNotFound() {
        let index = Self.index
        var random = SplitMix64(seed: 99)
        for number in 0..<5_000 {
            let title = "Zyxwv \(random.pick(Self.words).release) \(number)"
            #expect(index.match(title: title, year: 1920 + number % 106) == nil)
        }
    }

    /// Any year for a known title: whatever is returned obeys the rules.
    @Test func anyAnswerObeysTheRules() {
        let index = Self.index
        var random = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let position = Int(random.next() % UInt64(Self.generated.movies.count))
            let query = Self.generated.releaseTitles[position]
            let year = 1915 + Int(random.next() % 116)
            guard let found = index.match(title: query, year: year), let foundYear = found.year else { continue }
            let sameForm = TitleNormalizer.normalize(found.title) == TitleNormalizer.normalize(query)
            #expect(TitleNormalizer.matchKey(found.title) == TitleNormalizer.matchKey(query))
            #expect(foundYear == year || (sameForm && abs(foundYear - year) == 1))
        }
    }
}

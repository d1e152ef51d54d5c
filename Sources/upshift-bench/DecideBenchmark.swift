import UpshiftCore

/// Full decisions per second: parse, match against a generated 50,000-movie library, apply the
/// rules (SPEC §11 target: ≥ 500,000/s).
struct DecideBenchmark {
    static let librarySize = 50_000
    static let releaseCount = 2_000

    func run(seconds: Double) {
        var generator = LibraryGenerator(seed: 2026)
        let movies = generator.movies(count: Self.librarySize)
        let index = LibraryIndex(movies)
        let releases = generator.releaseNames(for: movies, count: Self.releaseCount)
        let rules = UpgradeRules()

        // Shares of one sweep (every sweep is the same work); the checksum uses the whole decision
        // (reason and gains too), so no part of it can be dropped as unused.
        var notified = 0
        var matched = 0
        var checksum = 0
        let (operations, elapsed) = measure(seconds: seconds) {
            var sweepNotified = 0
            var sweepMatched = 0
            for name in releases {
                let parsed = ReleaseNameParser.parse(name)
                // `if let`, not `movie != nil`: that picked Optional's Equatable `!=`, which copied the
                // LibraryMovie (retaining its strings) for a comparison that is no part of a decision.
                var current: Quality?
                if let title = parsed.title, let movie = index.match(title: title, year: parsed.year) {
                    sweepMatched += 1
                    current = movie.quality
                }
                let decision = rules.decide(parsed, current: current)
                if decision.notify { sweepNotified += 1 }
                checksum &+= decision.reason.utf8.count &+ decision.gains.count
            }
            notified = sweepNotified
            matched = sweepMatched
            return releases.count
        }
        blackHole(checksum)
        let rate = Double(operations) / elapsed
        print("library_movies: \(index.count)")
        print("release_names: \(releases.count)")
        print("matched_share: \(format3(Double(matched) / Double(releases.count)))")
        print("notify_share: \(format3(Double(notified) / Double(releases.count)))")
        print("ns_per_decision: \(format3(1e9 / rate))")
        print("decisions_per_second: \(Int(rate))")
    }
}

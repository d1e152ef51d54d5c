import Logging
import UpshiftCore

extension PlexClient {
    /// The whole library as Upshift sees it (SPEC §4): every movie of every movie section, each read
    /// with ``metadata(ratingKey:)`` for its full streams, at most ``concurrency`` calls in flight.
    ///
    /// A failing sections call or section listing is fatal (a partial library would lose movies
    /// silently). A failing item is logged and skipped, except a 401 or a cancellation, which end the
    /// scan. Movies come back in section order, then listing order.
    public func libraryMovies() async throws -> [LibraryMovie] {
        let sections = try await sections().filter(\.isMovieSection)
        var ratingKeys: [String] = []
        for section in sections {
            guard let key = section.key else { continue }
            let listed = try await movies(sectionKey: key)
            ratingKeys += listed.compactMap(\.ratingKey)
            logger.debug("Plex section listed", metadata: ["plex.section": "\(key)", "plex.movies": "\(listed.count)"])
        }
        let (movies, failed) = try await details(ratingKeys)
        // A scan whose items largely failed (Plex overloaded, a database being rebuilt) would pass
        // for a library that lost most of its films.
        if failed * 2 > ratingKeys.count { throw PlexError.incomplete(listed: ratingKeys.count, failed: failed) }
        logger.info(
            "Plex library scanned",
            metadata: [
                "plex.sections": "\(sections.count)", "plex.listed": "\(ratingKeys.count)",
                "plex.movies": "\(movies.count)",
            ]
        )
        return movies
    }

    /// The library movie for each rating key, in order, with at most ``concurrency`` calls in flight.
    private func details(_ ratingKeys: [String]) async throws -> (movies: [LibraryMovie], failed: Int) {
        var results = [LibraryMovie?](repeating: nil, count: ratingKeys.count)
        var failed = 0
        try await withThrowingTaskGroup(of: (Int, LibraryMovie?, Bool).self) { group in
            var next = 0
            func startNext() {
                guard next < ratingKeys.count else { return }
                let index = next
                let ratingKey = ratingKeys[index]
                next += 1
                group.addTask {
                    do {
                        return (index, try await self.libraryMovie(ratingKey: ratingKey), false)
                    } catch is SkippedItem {
                        return (index, nil, true)
                    }
                }
            }
            for _ in 0..<concurrency { startNext() }
            while let (index, movie, itemFailed) = try await group.next() {
                results[index] = movie
                if itemFailed { failed += 1 }
                startNext()
            }
        }
        return (results.compactMap { $0 }, failed)
    }

    /// An item whose call failed for a reason that spares the rest (logged, counted).
    private struct SkippedItem: Error {}

    /// One item as a library movie (nil when it is not one); throws ``SkippedItem`` (logged) when
    /// its call fails for a reason that spares the rest.
    private func libraryMovie(ratingKey: String) async throws -> LibraryMovie? {
        do {
            return try await metadata(ratingKey: ratingKey).libraryMovie()
        } catch let error as PlexError {
            if case .unauthorized = error { throw error }
            if Task.isCancelled { throw CancellationError() }
            logger.warning("Plex movie skipped", metadata: ["plex.ratingKey": "\(ratingKey)", "error": "\(error)"])
            throw SkippedItem()
        }
    }
}

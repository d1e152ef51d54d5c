import AsyncHTTPClient
import Foundation
import Radarr
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// `movieFolder(tmdbId:title:year:)`: the TMDB id first, then title and year in the library, then lookup.
@Suite struct MovieFolderTests {
    static func folder(
        tmdbId: Int?, title: String, year: Int?, library: String = RadarrFixtures.library,
        lookups: [String: String] = [:]
    ) async throws -> (String?, [String]) {
        let recorder = RequestRecorder()
        let path = try await LoopbackServer.with(
            FakeRadarr.router(library: library, lookups: lookups, recorder: recorder)
        ) {
            base async throws in
            try await RadarrClient(
                baseURL: URL(string: base)!, apiKey: Secret(RadarrFixtures.apiKey), httpClient: .shared,
                logger: LogCapture().logger
            ).movieFolder(tmdbId: tmdbId, title: title, year: year)
        }
        let calls = await recorder.entries.map { $0.query.isEmpty ? $0.path : "\($0.path)?\($0.query)" }
        return (path, calls)
    }

    @Test func tmdbIdFirst() async throws {
        let (path, calls) = try await Self.folder(tmdbId: 693134, title: "anything", year: nil)
        #expect(path == "/movies/Dune Part Two (2024)")
        #expect(calls == ["/api/v3/movie?tmdbId=693134"])
    }

    @Test func titleAndYearThroughTheLibrary() async throws {
        let (path, calls) = try await Self.folder(tmdbId: nil, title: "Dune Part Two", year: 2024)
        #expect(path == "/movies/Dune Part Two (2024)")
        #expect(calls == ["/api/v3/movie"])
        let (nearYear, _) = try await Self.folder(tmdbId: nil, title: "OPPENHEIMER", year: 2024)
        #expect(nearYear == "/movies/Oppenheimer (2023)", "an exact title matches a year off by one")
        let (article, _) = try await Self.folder(tmdbId: nil, title: "Batman", year: 2022)
        #expect(article == "/movies/The Batman (2022)")
    }

    @Test func anUnknownTMDBIdFallsBackToTitleButADifferentIdNeverMatches() async throws {
        let (path, calls) = try await Self.folder(tmdbId: 1, title: "Heat", year: 1995)
        #expect(path == nil, "Radarr's Heat has TMDB id 949")
        #expect(calls == ["/api/v3/movie?tmdbId=1", "/api/v3/movie", "/api/v3/movie/lookup?term=Heat%201995"])
        let (unknownId, _) = try await Self.folder(tmdbId: nil, title: "Heat", year: 1995)
        #expect(unknownId == "/movies/Heat (1995)")
    }

    @Test func lookupKeepsOnlyAMovieAlreadyInTheLibrary() async throws {
        let sicario =
            #"[{"id":77,"title":"Sicario","originalTitle":"Sicario","year":2015,"tmdbId":273481,"path":"/movies/Sicario (2015)","rootFolderPath":"/movies"}]"#
        let (found, calls) = try await Self.folder(
            tmdbId: nil, title: "Sicario", year: 2015, library: "[\(RadarrFixtures.dune)]",
            lookups: ["Sicario 2015": sicario]
        )
        #expect(found == "/movies/Sicario (2015)")
        #expect(calls.last == "/api/v3/movie/lookup?term=Sicario%202015")
        let (notAdded, _) = try await Self.folder(
            tmdbId: 693134, title: "Dune: Part Two", year: 2024, library: "[]",
            lookups: ["Dune: Part Two 2024": RadarrFixtures.duneLookupNotAdded]
        )
        #expect(notAdded == nil, "a lookup result without an id is not in Radarr")
    }
}

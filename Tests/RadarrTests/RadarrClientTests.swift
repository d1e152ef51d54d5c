import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Hummingbird
import Radarr
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// The Radarr client against a loopback fake serving the documented shapes: endpoints, headers,
/// typed failures, and the API key kept out of every log line and error.
@Suite struct RadarrClientTests {
    static func client(_ base: String, key: String = RadarrFixtures.apiKey, capture: LogCapture = LogCapture())
        -> RadarrClient
    {
        RadarrClient(baseURL: URL(string: base)!, apiKey: Secret(key), httpClient: .shared, logger: capture.logger)
    }

    @Test func systemStatusSendsTheKeyHeader() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakeRadarr.router(recorder: recorder)) { base async throws in
            let status = try await Self.client(base).systemStatus()
            #expect(status.appName == "Radarr")
            #expect(status.version == "6.0.3.10276")
            #expect(status.isDocker == true)
        }
        let entry = try #require(await recorder.entries.first)
        #expect(entry.method == "GET" && entry.path == "/api/v3/system/status")
        #expect(entry.headers["x-api-key"] == RadarrFixtures.apiKey)
        #expect(entry.headers["accept"] == "application/json")
        #expect(entry.query.isEmpty, "the key goes in the header, never the query")
    }

    @Test func moviesDecodeTheWholeLibrary() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakeRadarr.router(recorder: recorder)) { base async throws in
            let movies = try await Self.client(base).movies()
            #expect(movies.count == 10)
            let dune = try #require(movies.first)
            #expect(dune.id == 42 && dune.title == "Dune: Part Two" && dune.year == 2024)
            #expect(dune.tmdbId == 693134 && dune.imdbId == "tt15239678")
            #expect(dune.path == "/movies/Dune Part Two (2024)" && dune.rootFolderPath == "/movies")
            #expect(dune.movieFile?.size == 78_123_456_789)
            #expect(dune.movieFile?.quality?.quality?.name == "Remux-2160p")
            #expect(dune.movieFile?.mediaInfo?.videoDynamicRangeType == "DV HDR10")
            #expect(dune.movieFile?.mediaInfo?.audioChannels == 7.1)
            let wanted = try #require(movies.last)
            #expect(wanted.hasFile == false && wanted.movieFile == nil && !wanted.hasMovieFile)
        }
    }

    @Test func movieByTMDBIdIsTheZeroOrOneElementArray() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakeRadarr.router(recorder: recorder)) { base async throws in
            let client = Self.client(base)
            #expect(try await client.movie(tmdbId: 872585)?.title == "Oppenheimer")
            #expect(try await client.movie(tmdbId: 1) == nil)
        }
        #expect(await recorder.entries.map(\.query) == ["tmdbId=872585", "tmdbId=1"])
    }

    @Test func movieByIdIsNilOn404() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakeRadarr.router(recorder: recorder)) { base async throws in
            let client = Self.client(base)
            #expect(try await client.movie(id: 42)?.tmdbId == 693134)
            #expect(try await client.movie(id: 999) == nil)
        }
        #expect(await recorder.entries.map(\.path) == ["/api/v3/movie/42", "/api/v3/movie/999"])
    }

    @Test func lookupEncodesTheTermAndKeepsResultsWithoutIds() async throws {
        let recorder = RequestRecorder()
        let lookups = ["Dune: Part Two 2024": RadarrFixtures.duneLookupNotAdded]
        try await LoopbackServer.with(FakeRadarr.router(lookups: lookups, recorder: recorder)) { base async throws in
            let found = try await Self.client(base).lookup(term: "Dune: Part Two 2024")
            let first = try #require(found.first)
            #expect(found.count == 1 && first.id == nil && first.path == nil && !first.isInLibrary)
            #expect(first.folder == "Dune Part Two (2024)" && first.tmdbId == 693134)
            #expect(first.libraryMovie() == nil)
        }
        #expect(await recorder.entries.first?.query == "term=Dune%3A%20Part%20Two%202024")
    }

    @Test func rootFoldersAndAURLBase() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakeRadarr.router(urlBase: "radarr/", recorder: recorder)) { base async throws in
            let folders = try await Self.client(base + "/radarr/").rootFolders()
            #expect(folders.map(\.path) == ["/movies", "/movies-4k/"])
            #expect(folders.first?.freeSpace == 3_021_991_149_568)
        }
        #expect(await recorder.entries.first?.path == "/radarr/api/v3/rootfolder")
    }

    // MARK: - Failures

    @Test func wrongKeyIs401WithAClearMessage() async throws {
        let capture = LogCapture()
        let wrongKey = "ffffffffffffffffffffffffffffffff"
        try await LoopbackServer.with(FakeRadarr.router(recorder: RequestRecorder())) { base async throws in
            let error = await #expect(throws: RadarrError.self) {
                try await Self.client(base, key: wrongKey, capture: capture).movies()
            }
            #expect(error?.status == 401)
            let text = try #require(error?.description)
            #expect(
                text.contains("refused the API key") && text.contains("radarr_api_key")
                    && text.contains("/api/v3/movie"))
            #expect(!text.contains(wrongKey))
        }
        #expect(!capture.text.contains(wrongKey))
    }

    @Test func validationArrayIsTyped() async throws {
        try await LoopbackServer.with(
            FakeRadarr.failing(status: .badRequest, body: RadarrFixtures.validationFailure, recorder: RequestRecorder())
        ) { base async throws in
            let error = await #expect(throws: RadarrError.self) { try await Self.client(base).movies() }
            guard case .validation(_, let failures)? = error else {
                Issue.record("expected a validation error, got \(String(describing: error))")
                return
            }
            #expect(failures.first?.propertyName == "TmdbId")
            #expect(error?.description.contains("TmdbId: This movie has already been added") == true)
        }
    }

    @Test func serverErrorCarriesRadarrsMessage() async throws {
        try await LoopbackServer.with(
            FakeRadarr.failing(
                status: .internalServerError, body: RadarrFixtures.serverError, recorder: RequestRecorder())
        ) { base async throws in
            let error = await #expect(throws: RadarrError.self) { try await Self.client(base).systemStatus() }
            #expect(error?.status == 500)
            #expect(
                error?.description
                    == "Radarr answered HTTP 500 for GET \(base)/api/v3/system/status: database is locked.")
        }
    }

    @Test func unknownRouteIs404Typed() async throws {
        try await LoopbackServer.with(
            FakeRadarr.failing(status: .notFound, body: #"{"message":"NotFound"}"#, recorder: RequestRecorder())
        ) { base async throws in
            let error = await #expect(throws: RadarrError.self) { try await Self.client(base).rootFolders() }
            guard case .notFound? = error else {
                Issue.record("expected notFound, got \(String(describing: error))")
                return
            }
        }
    }

    @Test(arguments: ["<html>not json</html>", #"{"id":42}"#, #"[{"id":"forty-two"}]"#])
    func malformedJSONIsTyped(body: String) async throws {
        try await LoopbackServer.with(FakeRadarr.failing(status: .ok, body: body, recorder: RequestRecorder())) {
            base async throws in
            let error = await #expect(throws: RadarrError.self) { try await Self.client(base).movies() }
            guard case .malformed(let operation, _)? = error else {
                Issue.record("expected malformed, got \(String(describing: error))")
                return
            }
            #expect(operation == "GET \(base)/api/v3/movie")
        }
    }

    @Test func unreachableIsATransportError() async throws {
        let base = try await LoopbackServer.unusedBaseURL()
        var client = Self.client(base)
        client.timeout = .seconds(2)
        let error = await #expect(throws: RadarrError.self) { try await client.systemStatus() }
        guard case .transport(let cause)? = error else {
            Issue.record("expected transport, got \(String(describing: error))")
            return
        }
        #expect(cause.kind == .unreachable)
    }

    @Test func theKeyIsInNoLogLineAndNoError() async throws {
        let capture = LogCapture()
        let recorder = RequestRecorder()
        var errors = try await LoopbackServer.with(FakeRadarr.router(recorder: recorder)) { base async throws in
            let client = Self.client(base, capture: capture)
            _ = try await client.systemStatus()
            _ = try await client.libraryMovies()
            _ = try await client.movieFolder(tmdbId: nil, title: "Heat", year: 1995)
            _ = try await client.movie(id: 999)
            do {
                _ = try await Self.client(base, key: "wrong-" + RadarrFixtures.apiKey, capture: capture).movies()
                return [String]()
            } catch {
                return ["\(error)"]
            }
        }
        for (status, body) in [
            (HTTPResponse.Status.internalServerError, "key \(RadarrFixtures.apiKey) rejected"), (.ok, "{"),
        ] {
            errors += try await LoopbackServer.with(FakeRadarr.failing(status: status, body: body, recorder: recorder))
            { base async throws in
                do {
                    _ = try await Self.client(base, capture: capture).movies()
                    return [String]()
                } catch {
                    return ["\(error)"]
                }
            }
        }
        let down = try await LoopbackServer.unusedBaseURL()
        var downClient = Self.client(down + "/?apikey=" + RadarrFixtures.apiKey, capture: capture)
        downClient.timeout = .seconds(2)
        do { _ = try await downClient.movies() } catch {
            errors.append("\(error)")
        }
        #expect(errors.count == 4)
        #expect(capture.count >= 6)
        #expect(!capture.text.contains(RadarrFixtures.apiKey))
        for error in errors {
            #expect(!error.contains(RadarrFixtures.apiKey))
        }
    }
}

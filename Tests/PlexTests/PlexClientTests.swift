import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Hummingbird
import Plex
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// The Plex client against a loopback fake: headers, sections, paged listings, items, typed failures,
/// and the token kept out of every log line and error.
@Suite struct PlexClientTests {
    static func client(
        _ base: String, token: String = PlexFixtures.token, capture: LogCapture = LogCapture(), concurrency: Int = 4
    ) -> PlexClient {
        PlexClient(
            baseURL: URL(string: base)!, token: Secret(token), httpClient: .shared, logger: capture.logger,
            concurrency: concurrency
        )
    }

    @Test func sectionsSendTheDocumentedHeaders() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakePlex.router(recorder: recorder)) { base async throws in
            let sections = try await Self.client(base).sections()
            #expect(sections.map(\.key) == ["1", "2", "3"], "a numeric key reads as text")
            #expect(sections.filter(\.isMovieSection).map(\.title) == ["Movies", "4K Movies"])
            #expect(sections.first?.locations == ["/media/movies"])
        }
        let entry = try #require(await recorder.entries.first)
        #expect(entry.path == "/library/sections" && entry.query.isEmpty)
        #expect(entry.headers["x-plex-token"] == PlexFixtures.token)
        #expect(entry.headers["accept"] == "application/json")
        #expect(entry.headers["x-plex-client-identifier"] == "upshift")
        #expect(entry.headers["x-plex-product"] == "Upshift")
    }

    @Test func listingsArePagedAcrossSeveralPages() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakePlex.router(recorder: recorder)) { base async throws in
            var client = Self.client(base)
            client.pageSize = 3
            let movies = try await client.movies(sectionKey: "1")
            #expect(movies.count == 8)
            #expect(movies.compactMap(\.ratingKey) == ["5123", "6001", "6002", "6003", "6004", "6005", "6006", "6007"])
            #expect(movies.first?.guids == ["imdb://tt15239678", "tmdb://693134"])
        }
        let queries = await recorder.entries.map(\.query)
        #expect(
            queries == [0, 3, 6].map { "type=1&includeGuids=1&X-Plex-Container-Start=\($0)&X-Plex-Container-Size=3" })
    }

    @Test func anExactlyFullLastPageStopsOnTheTotal() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(FakePlex.router(recorder: recorder)) { base async throws in
            var client = Self.client(base)
            client.pageSize = 4
            #expect(try await client.movies(sectionKey: "1").count == 8)
        }
        #expect(await recorder.entries.count == 2)
    }

    @Test func metadataReadsTheReferenceItem() async throws {
        try await LoopbackServer.with(FakePlex.router(recorder: RequestRecorder())) { base async throws in
            let item = try await Self.client(base).metadata(ratingKey: "5123")
            #expect(
                item.title == "Dune: Part Two" && item.year == 2024 && item.tmdbId == 693134
                    && item.imdbId == "tt15239678")
            let media = try #require(item.media.first)
            #expect(media.videoResolution == "4k" && media.parts.first?.size == 78_123_456_789)
            let video = try #require(media.streams.first { $0.isVideo })
            #expect(
                video.doviPresent == true && video.doviProfile == 7 && video.doviBLCompatID == 6
                    && video.doviELPresent == true)
            #expect(media.streams.filter(\.isAudio).count == 2)
        }
    }

    // MARK: - Failures

    @Test func wrongTokenIs401WithAClearMessage() async throws {
        let capture = LogCapture()
        let wrong = "WrongT0kenWrongT0ken99"
        try await LoopbackServer.with(FakePlex.router(recorder: RequestRecorder())) { base async throws in
            let error = await #expect(throws: PlexError.self) {
                try await Self.client(base, token: wrong, capture: capture).libraryMovies()
            }
            #expect(error?.status == 401)
            let text = try #require(error?.description)
            #expect(text == "Plex refused the token (HTTP 401) for GET \(base)/library/sections; check plex_token.")
        }
        #expect(!capture.text.contains(wrong))
    }

    @Test func missingItemIs404AndAServerErrorIsTyped() async throws {
        try await LoopbackServer.with(FakePlex.router(recorder: RequestRecorder())) { base async throws in
            let client = Self.client(base)
            let missing = await #expect(throws: PlexError.self) { try await client.metadata(ratingKey: "424242") }
            #expect(missing?.status == 404)
            let failing = await #expect(throws: PlexError.self) { try await client.metadata(ratingKey: "6007") }
            #expect(failing?.status == 500)
            #expect(
                failing?.description
                    == "Plex answered HTTP 500 for GET \(base)/library/metadata/6007: Internal Server Error.")
        }
    }

    @Test(arguments: ["<MediaContainer size=\"0\"/>", #"{"MediaContainer":"oops"}"#, #"{"nope":1}"#])
    func malformedJSONIsTyped(body: String) async throws {
        let router = Router()
        router.get("library/sections") { _, _ in FakePlex.json(body) }
        try await LoopbackServer.with(router) { base async throws in
            let error = await #expect(throws: PlexError.self) { try await Self.client(base).sections() }
            guard case .malformed? = error else {
                Issue.record("expected malformed, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func unreachableIsATransportError() async throws {
        let base = try await LoopbackServer.unusedBaseURL()
        var client = Self.client(base)
        client.timeout = .seconds(2)
        let error = await #expect(throws: PlexError.self) { try await client.sections() }
        guard case .transport(let cause)? = error else {
            Issue.record("expected transport, got \(String(describing: error))")
            return
        }
        #expect(cause.kind == .unreachable)
    }

    @Test func theTokenIsInNoLogLineAndNoError() async throws {
        let capture = LogCapture()
        var errors = try await LoopbackServer.with(FakePlex.router(recorder: RequestRecorder())) { base async throws in
            var errors: [String] = []
            let client = Self.client(base, capture: capture)
            #expect(try await client.libraryMovies().count == 8)
            for key in ["6007", "424242"] {
                do { _ = try await client.metadata(ratingKey: key) } catch { errors.append("\(error)") }
            }
            do { _ = try await Self.client(base, token: "bad" + PlexFixtures.token, capture: capture).sections() } catch
            {
                errors.append("\(error)")
            }
            return errors
        }
        let echo = Router()
        echo.get("library/sections") { _, _ in
            FakePlex.json("token \(PlexFixtures.token) is broken", status: .badGateway)
        }
        echo.get("library/metadata/:key") { _, _ in FakePlex.json("{") }
        errors += try await LoopbackServer.with(echo) { base async throws in
            var errors: [String] = []
            let client = Self.client(base, capture: capture)
            do { _ = try await client.sections() } catch { errors.append("\(error)") }
            do { _ = try await client.metadata(ratingKey: PlexFixtures.token) } catch { errors.append("\(error)") }
            return errors
        }
        let down = try await LoopbackServer.unusedBaseURL()
        var downClient = Self.client(down + "/?X-Plex-Token=" + PlexFixtures.token, capture: capture)
        downClient.timeout = .seconds(2)
        do { _ = try await downClient.sections() } catch {
            errors.append("\(error)")
        }
        #expect(errors.count == 6)
        #expect(capture.count >= 10)
        #expect(!capture.text.contains(PlexFixtures.token))
        for error in errors {
            #expect(!error.contains(PlexFixtures.token))
        }
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import Plex
import Testing
import UpshiftCore
import UpshiftSettings
import UpshiftTestSupport

/// `libraryMovies()`: every movie section scanned with bounded concurrency, each movie's best copy read
/// from its streams, FEL/MEL from the file name, one failing item skipped.
@Suite struct PlexLibraryTests {
    static func scan(
        capture: LogCapture = LogCapture(), recorder: RequestRecorder = RequestRecorder()
    ) async throws -> [String: LibraryMovie] {
        try await LoopbackServer.with(FakePlex.router(recorder: recorder)) { base async throws in
            var client = PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: capture.logger
            )
            client.pageSize = 3
            let movies = try await client.libraryMovies()
            return Dictionary(uniqueKeysWithValues: movies.map { ($0.title, $0) })
        }
    }

    @Test func everyMovieSectionIsScannedAndAFailingItemIsSkipped() async throws {
        let capture = LogCapture()
        let recorder = RequestRecorder()
        let library = try await Self.scan(capture: capture, recorder: recorder)
        #expect(library.count == 8)
        #expect(library["Broken"] == nil && library["Interstellar"] != nil)
        #expect(capture.text.contains("Plex movie skipped") && capture.text.contains("6007"))
        let paths = Set(await recorder.entries.map(\.path))
        #expect(!paths.contains("/library/sections/2/all"), "the TV section is not listed")
        #expect(paths.contains("/library/sections/3/all"))
    }

    /// A scan whose items largely fail (an overloaded Plex) is an error, not a small library.
    @Test func aScanWhoseItemsLargelyFailIsIncomplete() async throws {
        var library = PlexLibraryFixture.sections
        for (key, items) in library {
            library[key] = items.enumerated().map { index, item in
                var item = item
                if index % 4 != 0 { item.detail = nil }
                return item
            }
        }
        try await LoopbackServer.with(FakePlex.router(library: library, recorder: RequestRecorder())) { base async throws in
            let client = PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: LogCapture().logger)
            await #expect {
                try await client.libraryMovies()
            } throws: { error in
                guard let error = error as? PlexError, case .incomplete(let listed, let failed) = error else { return false }
                return failed * 2 > listed && error.description.contains("could not be read")
            }
        }
    }

    @Test func referenceExampleIsP7WithUnknownLayer() async throws {
        let dune = try #require(try await Self.scan()["Dune: Part Two"])
        #expect(dune.id == "plex:5123" && dune.year == 2024 && dune.tmdbId == 693134 && dune.imdbId == "tt15239678")
        #expect(dune.filePath == "/media/movies/Dune Part Two (2024)/Dune Part Two (2024) Remux-2160p.mkv")
        let expected = Quality(
            resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: nil, hdr10: true, atmos: true, audio: .trueHD,
            channels: .surround71, remux: true, codec: .hevc, sizeBytes: 78_123_456_789
        )
        #expect(dune.quality == expected, "Remux-2160p in the file name states remux, not the source")
        #expect(dune.quality.dvRank == .standard)
    }

    @Test func p7FELFromTheFileNameAndAtmosFromTheNameOnAnUnlabelledTrueHDTrack() async throws {
        let quality = try #require(try await Self.scan()["Oppenheimer"]).quality
        #expect(quality.isFEL && quality.hdr10 && quality.dvRank == .fel)
        #expect(quality.atmos && quality.audio == .trueHD && quality.channels == .surround71)
        #expect(quality.source == .bluRay && quality.remux == true, "source and remux come from the name")
    }

    @Test func p7WithoutLayerInTheName() async throws {
        let quality = try #require(try await Self.scan()["Blade Runner 2049"]).quality
        #expect(quality.dvProfile == .p7 && quality.dvLayer == nil && quality.atmos)
    }

    @Test func p5WebDLFromStringAndIntegerAttributes() async throws {
        let batman = try #require(try await Self.scan()["The Batman"])
        #expect(batman.id == "plex:6001" && batman.tmdbId == 414906)
        let quality = batman.quality
        #expect(quality.dv && quality.dvProfile == .p5 && !quality.hdr10 && quality.dvRank == .basic)
        #expect(
            quality.atmos && quality.audio == .ddPlus && quality.channels == .surround51,
            "Atmos from extendedDisplayTitle")
        #expect(quality.source == .webDL)
    }

    @Test func p8HDR10HDR10OnlyAndSDR() async throws {
        let library = try await Self.scan()
        let dunkirk = try #require(library["Dunkirk"]).quality
        #expect(dunkirk.dvProfile == .p8 && dunkirk.hdr10 && !dunkirk.atmos && dunkirk.audio == .ddPlus)
        let arrival = try #require(library["Arrival"]).quality
        #expect(!arrival.dv && arrival.hdr10 && arrival.audio == .dtsHDMA && arrival.channels == .surround51)
        let heat = try #require(library["Heat"])
        #expect(heat.imdbId == "tt0113277" && heat.tmdbId == nil, "legacy agent guid")
        #expect(
            heat.quality.resolution == .r1080p && !heat.quality.dv && !heat.quality.hdr10 && heat.quality.codec == .avc)
        #expect(heat.quality.audio == .dd)
    }

    @Test func multiMediaTakesTheBestCopy() async throws {
        let movie = try #require(try await Self.scan()["Interstellar"])
        #expect(movie.quality.dvProfile == .p8 && movie.quality.resolution == .r2160p && !movie.quality.atmos)
        #expect(movie.filePath == "/media/movies-4k/Interstellar (2014)/Interstellar.2014.2160p.WEB-DL.DV.mkv")
        #expect(movie.quality.sizeBytes == 30_000_000_000)
    }

    @Test func aSectionsFailureIsFatal() async throws {
        let router = FakePlex.router(sections: "{", recorder: RequestRecorder())
        try await LoopbackServer.with(router) { base async throws in
            let client = PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: LogCapture().logger)
            await #expect(throws: PlexError.self) { try await client.libraryMovies() }
        }
    }

    // MARK: - Concurrency and scale

    /// `count` generated movies in one section.
    static func generated(_ count: Int) -> [String: [FakePlex.Item]] {
        let items = (1...count).map { index in
            FakePlex.Item(
                PlexFixtures.Movie(
                    ratingKey: "\(100_000 + index)", title: "Film \(index)", year: 1950 + index % 70,
                    guids: ["tmdb://\(index)"],
                    media: [
                        PlexFixtures.Media(
                            id: index, resolution: "4k",
                            file: "/media/movies/Film \(index)/Film.\(index).2160p.BluRay.REMUX.DV.P7.FEL.mkv",
                            size: 60_000_000_000,
                            streams: [
                                PlexFixtures.video(dovi: ("true", "7", "6")),
                                PlexFixtures.audio(codec: "truehd", channels: 8, display: "English (TrueHD Atmos 7.1)"),
                            ]
                        )
                    ]
                )
            )
        }
        return ["1": items]
    }

    @Test(arguments: [1, 3, 6])
    func concurrencyBoundIsRespected(concurrency: Int) async throws {
        let inFlight = FakePlex.InFlight()
        let router = FakePlex.router(
            library: Self.generated(30), recorder: RequestRecorder(), inFlight: inFlight, itemDelay: .milliseconds(40)
        )
        let movies = try await LoopbackServer.with(router) { base async throws in
            try await PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: LogCapture().logger,
                concurrency: concurrency
            ).libraryMovies()
        }
        #expect(movies.count == 30)
        #expect(movies.map(\.title) == (1...30).map { "Film \($0)" }, "listing order is kept")
        #expect(await inFlight.total == 30)
        #expect(await inFlight.peak <= concurrency)
        // The bound is used, not just respected (exact equality flakes when the machine is busy).
        let peak = await inFlight.peak
        #expect(peak >= min(concurrency, 2))
        print("PlexLibraryTests: concurrency \(concurrency), peak \(peak) item calls in flight")
    }

    @Test func twoThousandMovies() async throws {
        let inFlight = FakePlex.InFlight()
        let router = FakePlex.router(library: Self.generated(2000), recorder: RequestRecorder(), inFlight: inFlight)
        let clock = ContinuousClock()
        let start = clock.now
        let movies = try await LoopbackServer.with(router) { base async throws in
            try await PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: LogCapture(level: .info).logger
            ).libraryMovies()
        }
        let elapsed = clock.now - start
        #expect(movies.count == 2000 && movies.allSatisfy(\.quality.isFEL))
        #expect(await inFlight.peak <= 4)
        print("PlexLibraryTests: 2000 movies scanned in \(elapsed) (4 item calls in flight, 4 pages of 500)")
    }
}

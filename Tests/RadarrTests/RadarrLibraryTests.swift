import AsyncHTTPClient
import Foundation
import Radarr
import Testing
import UpshiftCore
import UpshiftSettings
import UpshiftTestSupport

/// Radarr movies as Upshift library entries: quality from media info, profile and layer only from the
/// file's names and only when they agree with what was measured.
@Suite struct RadarrLibraryTests {
    /// The fixture library, read through the client from the loopback fake.
    static func library() async throws -> [String: LibraryMovie] {
        try await LoopbackServer.with(FakeRadarr.router(recorder: RequestRecorder())) { base async throws in
            let client = RadarrClient(
                baseURL: URL(string: base)!, apiKey: Secret(RadarrFixtures.apiKey), httpClient: .shared,
                logger: LogCapture().logger
            )
            let movies = try await client.libraryMovies()
            return Dictionary(uniqueKeysWithValues: movies.map { ($0.title, $0) })
        }
    }

    @Test func referenceExampleMapsToItsQuality() async throws {
        let dune = try #require(try await Self.library()["Dune: Part Two"])
        #expect(dune.id == "radarr:42" && dune.year == 2024 && dune.tmdbId == 693134 && dune.imdbId == "tt15239678")
        #expect(dune.filePath == "/movies/Dune Part Two (2024)/Dune Part Two (2024) Remux-2160p.mkv")
        let expected = Quality(
            resolution: .r2160p, dv: true, dvProfile: nil, dvLayer: nil, hdr10: true, atmos: true, audio: .trueHD,
            channels: .surround71, source: .bluRay, remux: true, codec: .hevc, sizeBytes: 78_123_456_789
        )
        #expect(dune.quality == expected, "Radarr knows no profile and the file name states none")
        #expect(dune.quality.dvRank == .basic)
    }

    @Test func felComesFromTheReleaseNameAndAtmosFromTheNameWhenTrueHDIsPlain() async throws {
        let movie = try #require(try await Self.library()["Oppenheimer"])
        #expect(movie.quality.resolution == .r2160p, "3840x1600 is cropped 2160p")
        #expect(movie.quality.dv && movie.quality.dvProfile == .p7 && movie.quality.dvLayer == .fel)
        #expect(movie.quality.isFEL && movie.quality.dvRank == .fel)
        #expect(movie.quality.atmos && movie.quality.audio == .trueHD && movie.quality.channels == .surround71)
        #expect(movie.imdbId == "tt15398776")
    }

    @Test func profileWithoutLayerStaysLayerless() async throws {
        let movie = try #require(try await Self.library()["Blade Runner 2049"])
        #expect(movie.quality.dvProfile == .p7 && movie.quality.dvLayer == nil && movie.quality.dvRank == .standard)
        #expect(movie.imdbId == nil)
    }

    @Test func p5WebDLWithDDPlusAtmos() async throws {
        let quality = try #require(try await Self.library()["The Batman"]).quality
        #expect(quality.dv && quality.dvProfile == .p5 && !quality.hdr10)
        #expect(quality.atmos && quality.audio == .ddPlus && quality.channels == .surround51)
        #expect(quality.source == .webDL && quality.remux == false && quality.codec == .hevc)
        #expect(quality.resolution == .r2160p)
    }

    @Test func p8HDR10AndHDR10Only() async throws {
        let library = try await Self.library()
        let dunkirk = try #require(library["Dunkirk"]).quality
        #expect(dunkirk.dv && dunkirk.dvProfile == .p8 && dunkirk.hdr10 && !dunkirk.atmos && dunkirk.audio == .ddPlus)
        let arrival = try #require(library["Arrival"]).quality
        #expect(!arrival.dv && arrival.hdr10 && arrival.audio == .dtsHDMA && arrival.codec == .x265)
        #expect(arrival.resolution == .r2160p && arrival.source == .bluRay && arrival.remux == false)
    }

    @Test func sdrCroppedAndANameClaimingAtmosOverADTSTrack() async throws {
        let heat = try #require(try await Self.library()["Heat"]).quality
        #expect(heat.resolution == .r1080p, "1920x800 is cropped 1080p")
        #expect(!heat.dv && !heat.hdr10 && !heat.hlg)
        #expect(
            !heat.atmos && heat.audio == .dts && heat.channels == .surround51, "measured DTS 6.1 wins over the name")
    }

    @Test func aNamedProfileThatContradictsTheMeasurementIsDropped() async throws {
        let nope = try #require(try await Self.library()["Nope"]).quality
        #expect(nope.dv && nope.dvProfile == nil && nope.dvLayer == nil && nope.dvRank == .basic)
    }

    @Test func withoutMediaInfoTheNameDecides() async throws {
        let tenet = try #require(try await Self.library()["Tenet"]).quality
        #expect(tenet.isFEL && tenet.hdr10 && tenet.atmos && tenet.audio == .trueHD && tenet.resolution == .r2160p)
        #expect(tenet.source == .bluRay && tenet.remux == true)
    }

    @Test func moviesWithoutAFileAreNotInTheLibrary() async throws {
        let library = try await Self.library()
        #expect(library.count == 9 && library["The Thing"] == nil)
        let wanted = RadarrMovie(id: 15, title: "The Thing", year: 1982, hasFile: false).libraryMovie()
        #expect(wanted?.quality == Quality() && wanted?.filePath == nil)
    }

    // MARK: - Pure mapping

    @Test(arguments: [
        ("3840x2160", Resolution.r2160p), ("3840x1600", .r2160p), ("4096x1716", .r2160p), ("3996x2160", .r2160p),
        ("1920x1080", .r1080p), ("1920x800", .r1080p), ("1440x1080", .r1080p), ("1920x1040", .r1080p),
        ("1280x720", .r720p), ("1280x536", .r720p), ("960x720", .r720p), ("720x576", .r576p), ("1024x576", .r576p),
        ("720x480", .r480p), ("640x352", .r480p),
    ])
    func frameSizesMapToClasses(frame: String, expected: Resolution) {
        #expect(RadarrQualityReader.resolution(frame: frame) == expected)
    }

    @Test func unreadableFrameFallsBackToRadarrsQuality() {
        let file = RadarrMovieFile(
            quality: RadarrFileQuality(
                quality: RadarrQualityDefinition(source: "webrip", resolution: 720, modifier: "none")),
            mediaInfo: RadarrMediaInfo(resolution: "")
        )
        let quality = RadarrQualityReader.quality(of: file)
        #expect(quality.resolution == .r720p && quality.source == .webRip && quality.remux == false)
    }

    @Test(arguments: [
        ("DV", true, false, false, false), ("DV HDR10", true, true, false, false),
        ("DV HDR10Plus", true, true, true, false), ("DV HLG", true, false, false, true),
        ("DV SDR", true, false, false, false),
        ("HDR10", false, true, false, false), ("HDR10Plus", false, true, true, false),
        ("HLG", false, false, false, true),
        ("PQ", false, true, false, false), ("", false, false, false, false),
    ])
    func dynamicRangeTypes(type: String, dv: Bool, hdr10: Bool, hdr10Plus: Bool, hlg: Bool) {
        let file = RadarrMovieFile(
            relativePath: "Film.2020.2160p.mkv", mediaInfo: RadarrMediaInfo(videoDynamicRangeType: type))
        let quality = RadarrQualityReader.quality(of: file)
        #expect(quality.dv == dv && quality.hdr10 == hdr10 && quality.hdr10Plus == hdr10Plus && quality.hlg == hlg)
        #expect(quality.dvProfile == nil, "no profile is ever guessed from the measurement")
    }

    @Test(arguments: [
        ("DV HLG", "Film.2020.2160p.WEB-DL.DV.P8.HLG-GRP.mkv", DVProfile?.some(.p8)),
        ("DV SDR", "Film.2020.2160p.WEB-DL.DV.P8-GRP.mkv", .p8),
        ("DV HDR10", "Film.2020.2160p.WEB-DL.DV.P5-GRP.mkv", nil),
        ("DV", "Film.2020.2160p.WEB-DL.DV.P8-GRP.mkv", nil),
        ("DV SDR", "Film.2020.2160p.BluRay.REMUX.DV.P7.FEL-GRP.mkv", nil),
    ])
    func namedProfilesMustAgreeWithTheBaseLayer(type: String, name: String, expected: DVProfile?) {
        let file = RadarrMovieFile(relativePath: name, mediaInfo: RadarrMediaInfo(videoDynamicRangeType: type))
        let quality = RadarrQualityReader.quality(of: file)
        #expect(quality.dvProfile == expected)
        #expect(quality.dvLayer == nil)
    }

    @Test func melFromTheOriginalPathWhenOtherNamesAreSilent() {
        let file = RadarrMovieFile(
            relativePath: "Film (2020) Remux-2160p.mkv", sceneName: nil,
            mediaInfo: RadarrMediaInfo(
                audioCodec: "TrueHD Atmos", audioChannels: 7.1, videoDynamicRangeType: "DV HDR10"),
            originalFilePath: "/downloads/Film.2020.2160p.BluRay.REMUX.DV.P7.MEL.HEVC-GRP/film.mkv"
        )
        #expect(RadarrQualityReader.quality(of: file).dvLayer == nil, "only the last path component is read")
        let named = RadarrMovieFile(
            relativePath: "Film (2020) Remux-2160p.mkv",
            mediaInfo: RadarrMediaInfo(videoDynamicRangeType: "DV HDR10"),
            originalFilePath: "/downloads/Film.2020.2160p.BluRay.REMUX.DV.P7.MEL.HEVC-GRP.mkv"
        )
        let quality = RadarrQualityReader.quality(of: named)
        #expect(quality.dvProfile == .p7 && quality.dvLayer == .mel && quality.dvRank == .standard)
    }
}

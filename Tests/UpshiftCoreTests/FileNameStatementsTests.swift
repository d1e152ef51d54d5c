import Testing
import UpshiftCore

/// What a library file's names state (shared by the Plex and Radarr readers), and the frame-size table
/// they share; both used to be private copies in each client.
@Suite struct FileNameStatementsTests {
    @Test(arguments: [
        ("/movies/Film (2020)/Film.2020.2160p.mkv", "Film.2020.2160p"),
        ("C:\\Movies\\Film.2020.1080p.BluRay.M2TS", "Film.2020.1080p.BluRay"),
        ("Film.2020.2160p.DV.P7.FEL-GRP", "Film.2020.2160p.DV.P7.FEL-GRP"),
        ("Film.2020.720p.WEB-DL.srt", "Film.2020.720p.WEB-DL.srt"),
        ("/movies/", "movies"),
    ])
    func stemDropsFoldersAndMediaExtensions(path: String, stem: String) {
        #expect(FileNameStatements.stem(path) == stem)
    }

    @Test func emptyNamesStateNothing() {
        #expect(FileNameStatements.stem("") == nil)
        #expect(FileNameStatements([nil, "", "/"]).quality == Quality())
    }

    @Test func eachFactComesFromTheFirstNameThatStatesIt() {
        let quality = FileNameStatements([
            "Oppenheimer (2023) [Remux-2160p][DV HDR10][TrueHD 7.1][HEVC]-FraMeSToR.mkv",
            nil,
            "Oppenheimer.2023.1080p.UHD.BluRay.REMUX.DV.P7.FEL.HDR10.HEVC.TrueHD.Atmos.7.1-FraMeSToR",
        ]).quality
        #expect(quality.resolution == .r2160p)
        #expect(quality.dv && quality.dvProfile == .p7 && quality.dvLayer == .fel && quality.isFEL)
        #expect(quality.atmos && quality.audio == .trueHD && quality.remux == true && quality.source == .bluRay)
    }

    @Test func aLayerIsDroppedForAProfileThatHasNone() {
        let quality = FileNameStatements(["Film.2020.2160p.WEB-DL.DV.P8.mkv", "Film.2020.2160p.DV.FEL.mkv"]).quality
        #expect(quality.dvProfile == .p8 && quality.dvLayer == nil)
    }

    // MARK: - Frame sizes

    @Test(arguments: [
        (3840, 2160, Resolution.r2160p), (3840, 1600, .r2160p), (4096, 1716, .r2160p), (1920, 1080, .r1080p),
        (1920, 800, .r1080p), (1440, 1080, .r1080p), (1280, 720, .r720p), (1280, 536, .r720p), (960, 720, .r720p),
        (720, 576, .r576p), (1024, 576, .r576p), (720, 480, .r480p), (640, 352, .r480p),
    ])
    func frameSizesMapToClasses(width: Int, height: Int, expected: Resolution) {
        #expect(Resolution(frameWidth: width, height: height) == expected)
    }

    @Test func oneKnownDimensionIsEnough() {
        #expect(Resolution(frameWidth: nil, height: 2160) == .r2160p)
        #expect(Resolution(frameWidth: 1920, height: nil) == .r1080p)
        #expect(Resolution(frameWidth: 0, height: 500) == .r576p)
    }

    @Test func noKnownDimensionIsNoClass() {
        #expect(Resolution(frameWidth: nil, height: nil) == nil)
        #expect(Resolution(frameWidth: 0, height: -1) == nil)
    }
}

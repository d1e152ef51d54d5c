/// The fixture library: one movie per case the brief lists, in two movie sections.
enum PlexLibraryFixture {
    typealias Media = PlexFixtures.Media
    typealias Movie = PlexFixtures.Movie

    static let batman = Movie(
        ratingKey: "6001", title: "The Batman", year: 2022, guids: ["imdb://tt1877830", "tmdb://414906"],
        media: [
            Media(
                id: 6101, resolution: "4k", audioCodec: "eac3",
                file: "/media/movies/The Batman (2022)/The.Batman.2022.2160p.MA.WEB-DL.DDP5.1.Atmos.DV.H.265-FLUX.mkv",
                size: 25_000_000_000,
                streams: [
                    // Booleans and numbers written as XML-ish strings and 0/1, as some servers do.
                    PlexFixtures.video(trc: nil, dovi: ("1", "\"5\"", "0"), display: "4K DoVi (HEVC Main 10)"),
                    PlexFixtures.audio(
                        codec: "eac3", channels: 6, display: "English (EAC3 5.1)",
                        extended: "Dolby Digital Plus Atmos (English EAC3 5.1)"
                    ),
                ]
            )
        ]
    )

    static let oppenheimer = Movie(
        ratingKey: "6002", title: "Oppenheimer", year: 2023, guids: ["imdb://tt15398776", "tmdb://872585"],
        media: [
            Media(
                id: 6201, resolution: "4k",
                file:
                    "/media/movies/Oppenheimer (2023)/Oppenheimer.2023.2160p.UHD.BluRay.REMUX.DV.P7.FEL.HDR10.HEVC.TrueHD.Atmos.7.1-FraMeSToR.mkv",
                size: 92_000_000_000,
                streams: [
                    PlexFixtures.video(
                        height: 1600, dovi: ("\"1\"", "\"7\"", "\"6\""), display: "4K DoVi/HDR10 (HEVC Main 10)"),
                    // An older server: no Atmos in the labels.
                    PlexFixtures.audio(codec: "truehd", channels: 8, display: "English (TRUEHD 7.1)"),
                ]
            )
        ]
    )

    static let bladeRunner = Movie(
        ratingKey: "6003", title: "Blade Runner 2049", year: 2017, guids: ["tmdb://335984"],
        media: [
            Media(
                id: 6301, resolution: "4k",
                file:
                    "/media/movies/Blade Runner 2049 (2017)/Blade.Runner.2049.2017.2160p.BluRay.REMUX.DV.HDR.HEVC.TrueHD.Atmos.7.1-GRP.mkv",
                size: 70_000_000_000,
                streams: [
                    PlexFixtures.video(dovi: ("true", "7", "6"), display: "4K DoVi/HDR10 (HEVC Main 10)"),
                    PlexFixtures.audio(
                        codec: "truehd", channels: 8, display: "English (TrueHD Atmos 7.1)", title: "TrueHD Atmos 7.1"),
                ]
            )
        ]
    )

    static let dunkirk = Movie(
        ratingKey: "6004", title: "Dunkirk", year: 2017, guids: ["imdb://tt5013056", "tmdb://374720"],
        media: [
            Media(
                id: 6401, resolution: "4k", audioCodec: "eac3",
                file: "/media/movies/Dunkirk (2017)/Dunkirk.2017.2160p.WEB-DL.mkv",
                size: 20_000_000_000,
                streams: [
                    PlexFixtures.video(dovi: ("true", "8", "1"), display: "4K DoVi/HDR10 (HEVC Main 10)"),
                    PlexFixtures.audio(codec: "eac3", channels: 6, display: "English (EAC3 5.1)"),
                ]
            )
        ]
    )

    static let arrival = Movie(
        ratingKey: "6005", title: "Arrival", year: 2016, guids: ["imdb://tt2543164", "tmdb://329865"],
        media: [
            Media(
                id: 6501, resolution: "4k", audioCodec: "dca",
                file: "/media/movies/Arrival (2016)/Arrival.2016.2160p.BluRay.x265-GRP.mkv",
                size: 18_000_000_000,
                streams: [
                    PlexFixtures.video(),
                    PlexFixtures.audio(codec: "dca", channels: 6, display: "English (DTS-HD MA 5.1)", profile: "ma"),
                    PlexFixtures.audio(codec: "ac3", channels: 2, display: "English (AC3 Stereo)"),
                ]
            )
        ]
    )

    /// SDR 1080p with a legacy-agent guid and no `Guid[]`.
    static let heat = Movie(
        ratingKey: "6006", title: "Heat", year: 1995, guid: "com.plexapp.agents.imdb://tt0113277?lang=en",
        media: [
            Media(
                id: 6601, resolution: "1080", videoCodec: "h264", audioCodec: "ac3",
                file: "/media/movies/Heat (1995)/Heat.1995.1080p.BluRay.x264-GRP.mkv", size: 14_000_000_000,
                streams: [
                    PlexFixtures.video(width: 1920, height: 800, trc: "bt709", display: "1080p (H.264)"),
                    PlexFixtures.audio(codec: "ac3", channels: 6, display: "English (AC3 5.1)"),
                ]
            )
        ]
    )

    /// Listed, but its item answers 500.
    static let broken = Movie(
        ratingKey: "6007", title: "Broken", year: 2001,
        media: [
            Media(id: 6701, resolution: "720", file: "/media/movies/Broken (2001)/Broken.mkv", size: 1, streams: [])
        ],
        failsDetail: true
    )

    /// Three copies: 1080p SDR, 2160p P8 without Atmos, 2160p HDR10 with Atmos. P8 wins (DV rank first).
    static let interstellar = Movie(
        ratingKey: "7001", title: "Interstellar", year: 2014, guids: ["imdb://tt0816692", "tmdb://157336"],
        media: [
            Media(
                id: 7101, resolution: "1080", videoCodec: "h264", audioCodec: "ac3",
                file: "/media/movies-4k/Interstellar (2014)/Interstellar.2014.1080p.BluRay.x264-GRP.mkv",
                size: 12_000_000_000,
                streams: [
                    PlexFixtures.video(width: 1920, height: 1080, trc: nil),
                    PlexFixtures.audio(codec: "ac3", channels: 6, display: "English (AC3 5.1)"),
                ]
            ),
            Media(
                id: 7102, resolution: "4k", audioCodec: "eac3",
                file: "/media/movies-4k/Interstellar (2014)/Interstellar.2014.2160p.WEB-DL.DV.mkv",
                size: 30_000_000_000,
                streams: [
                    PlexFixtures.video(dovi: ("true", "8", "1")),
                    PlexFixtures.audio(codec: "eac3", channels: 6, display: "English (EAC3 5.1)"),
                ]
            ),
            Media(
                id: 7103, resolution: "4k",
                file: "/media/movies-4k/Interstellar (2014)/Interstellar.2014.2160p.BluRay.REMUX.HDR.mkv",
                size: 80_000_000_000,
                streams: [
                    PlexFixtures.video(),
                    PlexFixtures.audio(codec: "truehd", channels: 8, display: "English (TrueHD Atmos 7.1)"),
                ]
            ),
        ]
    )

    /// Section key → its movies, in listing order.
    static var sections: [String: [FakePlex.Item]] {
        [
            "1": [FakePlex.Item(ratingKey: "5123", summary: PlexFixtures.duneSummary, detail: PlexFixtures.duneItem)]
                + [batman, oppenheimer, bladeRunner, dunkirk, arrival, heat, broken].map(FakePlex.Item.init),
            "3": [FakePlex.Item(interstellar)],
        ]
    }
}

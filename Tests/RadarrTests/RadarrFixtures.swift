import Foundation

/// Radarr API v3 replies, shaped as in the reference (radarr.md): the documented examples verbatim,
/// and more library movies built in the same shape.
enum RadarrFixtures {
    static let apiKey = "0123456789abcdef0123456789abcdef"

    static let systemStatus = """
        {"appName":"Radarr","instanceName":"Radarr","version":"6.0.3.10276","buildTime":"2025-10-30T12:00:00Z",
         "isDebug":false,"isProduction":true,"isAdmin":false,"isUserInteractive":false,
         "startupPath":"/app/radarr/bin","appData":"/config","osName":"ubuntu","osVersion":"24.04",
         "isNetCore":true,"isLinux":true,"isOsx":false,"isWindows":false,"isDocker":true,"mode":"console",
         "branch":"master","databaseType":"sqLite","databaseVersion":"3.46.1","authentication":"forms",
         "migrationVersion":242,"urlBase":"","runtimeVersion":"8.0.11","runtimeName":".NET",
         "startTime":"2026-11-20T08:00:00Z","packageVersion":"","packageAuthor":"","packageUpdateMechanism":"docker"}
        """

    /// The reference's `GET /api/v3/movie` element, verbatim.
    static let dune = """
        {"id":42,"title":"Dune: Part Two","originalTitle":"Dune: Part Two",
          "originalLanguage":{"id":1,"name":"English"},"sortTitle":"dune part two","sizeOnDisk":78123456789,
          "status":"released","year":2024,"path":"/movies/Dune Part Two (2024)","folderName":"/movies/Dune Part Two (2024)",
          "rootFolderPath":"/movies","qualityProfileId":7,"hasFile":true,"movieFileId":311,"monitored":true,
          "minimumAvailability":"released","isAvailable":true,"runtime":167,"imdbId":"tt15239678","tmdbId":693134,
          "titleSlug":"693134","genres":["Science Fiction","Adventure"],"tags":[],"added":"2024-05-14T19:02:11Z",
          "images":[{"coverType":"poster","url":"/MediaCover/42/poster.jpg","remoteUrl":"https://image.tmdb.org/t/p/original/x.jpg"}],
          "ratings":{"imdb":{"votes":600000,"value":8.5,"type":"user"},"tmdb":{"votes":6000,"value":8.1,"type":"user"}},
          "statistics":{"movieFileCount":1,"sizeOnDisk":78123456789,"releaseGroups":["FraMeSToR"]},
          "movieFile":{"id":311,"movieId":42,"relativePath":"Dune Part Two (2024) Remux-2160p.mkv",
            "path":"/movies/Dune Part Two (2024)/Dune Part Two (2024) Remux-2160p.mkv","size":78123456789,
            "dateAdded":"2024-05-20T10:11:12Z","releaseGroup":"FraMeSToR","edition":"",
            "languages":[{"id":1,"name":"English"}],
            "quality":{"quality":{"id":31,"name":"Remux-2160p","source":"bluray","resolution":2160,"modifier":"remux"},
                       "revision":{"version":1,"real":0,"isRepack":false}},
            "customFormatScore":0,"indexerFlags":0,
            "mediaInfo":{"audioBitrate":5500000,"audioChannels":7.1,"audioCodec":"TrueHD Atmos","audioLanguages":"eng/eng",
              "audioStreamCount":2,"videoBitDepth":10,"videoBitrate":65000000,"videoCodec":"HEVC","videoFps":23.976,
              "videoDynamicRange":"HDR","videoDynamicRangeType":"DV HDR10","resolution":"3840x2160","runTime":"2:46:12",
              "scanType":"Progressive","subtitles":"eng/spa"},
            "qualityCutoffNotMet":false}}
        """

    /// The reference's lookup result for a film not in the library (no `id`, no `path`).
    static let duneLookupNotAdded = """
        [{"title":"Dune: Part Two","originalTitle":"Dune: Part Two","status":"released","year":2024,
          "tmdbId":693134,"imdbId":"tt15239678","runtime":167,"folder":"Dune Part Two (2024)","folderName":"","monitored":true,
          "minimumAvailability":"released","movieFileId":0,"qualityProfileId":0,
          "remotePoster":"https://image.tmdb.org/t/p/original/x.jpg","genres":["Science Fiction"],
          "added":"0001-01-01T00:00:00Z","ratings":{"tmdb":{"votes":6000,"value":8.1,"type":"user"}}}]
        """

    static let rootFolders = """
        [{"id":1,"path":"/movies","accessible":true,"freeSpace":3021991149568,"unmappedFolders":[]},
         {"id":2,"path":"/movies-4k/","accessible":true,"freeSpace":1021991149568,"unmappedFolders":[]}]
        """

    static let validationFailure = """
        [{"propertyName":"TmdbId","errorMessage":"This movie has already been added","attemptedValue":693134,
          "severity":"error","errorCode":"MovieExistsValidator"}]
        """

    static let serverError = #"{"message":"database is locked","description":"SQLite error 5"}"#

    // MARK: - More library movies, same shape

    /// A library movie with a file, in the reference's shape.
    static func movie(
        id: Int, title: String, year: Int, tmdbId: Int, imdbId: String? = nil, root: String = "/movies",
        relativePath: String, sceneName: String? = nil, size: Int64,
        quality: (name: String, source: String, resolution: Int, modifier: String),
        mediaInfo: [String: Any]?
    ) -> String {
        let folder = "\(root)/\(title.replacingOccurrences(of: ":", with: "")) (\(year))"
        var file: [String: Any] = [
            "id": id * 10, "movieId": id, "relativePath": relativePath, "path": "\(folder)/\(relativePath)",
            "size": size, "dateAdded": "2024-05-20T10:11:12Z", "edition": "",
            "languages": [["id": 1, "name": "English"]],
            "quality": [
                "quality": [
                    "id": 31, "name": quality.name, "source": quality.source, "resolution": quality.resolution,
                    "modifier": quality.modifier,
                ],
                "revision": ["version": 1, "real": 0, "isRepack": false],
            ],
            "customFormatScore": 0, "indexerFlags": 0, "qualityCutoffNotMet": false,
        ]
        if let sceneName { file["sceneName"] = sceneName }
        if let mediaInfo { file["mediaInfo"] = mediaInfo }
        var movie: [String: Any] = [
            "id": id, "title": title, "originalTitle": title, "sizeOnDisk": size, "status": "released", "year": year,
            "path": folder, "folderName": folder, "rootFolderPath": root, "qualityProfileId": 7, "hasFile": true,
            "movieFileId": id * 10, "monitored": true, "tmdbId": tmdbId, "tags": [], "movieFile": file,
        ]
        if let imdbId { movie["imdbId"] = imdbId }
        return json(movie)
    }

    /// `mediaInfo` as Radarr writes it.
    static func mediaInfo(
        audio: String, channels: Double, video: String = "HEVC", range: String, frame: String
    ) -> [String: Any] {
        [
            "audioBitrate": 0, "audioChannels": channels, "audioCodec": audio, "audioLanguages": "eng",
            "audioStreamCount": 1, "videoBitDepth": range.isEmpty ? 8 : 10, "videoBitrate": 0, "videoCodec": video,
            "videoFps": 23.976, "videoDynamicRange": range.isEmpty ? "" : "HDR", "videoDynamicRangeType": range,
            "resolution": frame, "runTime": "2:00:00", "scanType": "Progressive", "subtitles": "eng",
        ]
    }

    static let remux2160 = (name: "Remux-2160p", source: "bluray", resolution: 2160, modifier: "remux")
    static let bluray2160 = (name: "Bluray-2160p", source: "bluray", resolution: 2160, modifier: "none")
    static let bluray1080 = (name: "Bluray-1080p", source: "bluray", resolution: 1080, modifier: "none")
    static let webdl2160 = (name: "WEBDL-2160p", source: "webdl", resolution: 2160, modifier: "none")

    /// P7 FEL remux: Radarr renamed the file; the release name (sceneName) states FEL; Atmos reported as plain TrueHD (MKV).
    static let oppenheimer = movie(
        id: 7, title: "Oppenheimer", year: 2023, tmdbId: 872585, imdbId: "tt15398776",
        relativePath: "Oppenheimer (2023) [Remux-2160p][DV HDR10][TrueHD 7.1][HEVC]-FraMeSToR.mkv",
        sceneName: "Oppenheimer.2023.2160p.UHD.BluRay.REMUX.DV.P7.FEL.HDR10.HEVC.TrueHD.Atmos.7.1-FraMeSToR",
        size: 92_000_000_000, quality: remux2160,
        mediaInfo: mediaInfo(audio: "TrueHD", channels: 7.1, range: "DV HDR10", frame: "3840x1600")
    )

    /// P7 remux whose names state the profile but not the layer.
    static let bladeRunner = movie(
        id: 8, title: "Blade Runner 2049", year: 2017, tmdbId: 335984,
        relativePath: "Blade.Runner.2049.2017.2160p.BluRay.REMUX.DV.P7.HDR.HEVC.TrueHD.Atmos.7.1-GRP.mkv",
        size: 70_000_000_000, quality: remux2160,
        mediaInfo: mediaInfo(audio: "TrueHD Atmos", channels: 7.1, range: "DV HDR10", frame: "3840x2160")
    )

    /// P5 WEB-DL with DD+ Atmos (measured `DV`: compatibility id 0).
    static let batman = movie(
        id: 9, title: "The Batman", year: 2022, tmdbId: 414906,
        relativePath: "The.Batman.2022.2160p.MA.WEB-DL.DDP5.1.Atmos.DV.P5.H.265-FLUX.mkv",
        size: 25_000_000_000, quality: webdl2160,
        mediaInfo: mediaInfo(audio: "EAC3 Atmos", channels: 5.1, video: "h265", range: "DV", frame: "3840x1600")
    )

    /// P8 with an HDR10 base, named so.
    static let dunkirk = movie(
        id: 10, title: "Dunkirk", year: 2017, tmdbId: 374720,
        relativePath: "Dunkirk.2017.2160p.WEB-DL.DV.P8.HDR10.DDP5.1-GRP.mkv",
        size: 20_000_000_000, quality: webdl2160,
        mediaInfo: mediaInfo(audio: "EAC3", channels: 5.1, range: "DV HDR10", frame: "3840x2160")
    )

    /// HDR10 only, DTS-HD MA, an x265 encode.
    static let arrival = movie(
        id: 11, title: "Arrival", year: 2016, tmdbId: 329865,
        relativePath: "Arrival.2016.2160p.BluRay.HDR10.DTS-HD.MA.5.1.x265-GRP.mkv",
        size: 18_000_000_000, quality: bluray2160,
        mediaInfo: mediaInfo(audio: "DTS-HD MA", channels: 5.1, video: "x265", range: "HDR10", frame: "3840x2076")
    )

    /// SDR 1080p, cropped to 2.40:1; the name claims Atmos but the primary track is DTS.
    static let heat = movie(
        id: 12, title: "Heat", year: 1995, tmdbId: 949,
        relativePath: "Heat.1995.1080p.BluRay.TrueHD.Atmos.7.1.x264-GRP.mkv",
        size: 14_000_000_000, quality: bluray1080,
        mediaInfo: mediaInfo(audio: "DTS", channels: 6.1, video: "x264", range: "", frame: "1920x800")
    )

    /// The name says P7 FEL, but ffprobe measured `DV` (no HDR10 base): a profile 7 file cannot be that.
    static let contradiction = movie(
        id: 13, title: "Nope", year: 2022, tmdbId: 762504,
        relativePath: "Nope.2022.2160p.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP.mkv",
        size: 60_000_000_000, quality: remux2160,
        mediaInfo: mediaInfo(audio: "TrueHD", channels: 7.1, range: "DV", frame: "3840x2160")
    )

    /// Not analysed yet: no mediaInfo, so the name decides.
    static let unanalysed = movie(
        id: 14, title: "Tenet", year: 2020, tmdbId: 577922,
        relativePath: "Tenet.2020.2160p.BluRay.REMUX.DV.P7.FEL.HEVC.TrueHD.Atmos.7.1-GRP.mkv",
        size: 65_000_000_000, quality: remux2160, mediaInfo: nil
    )

    /// Wanted, no file.
    static let wanted = """
        {"id":15,"title":"The Thing","originalTitle":"The Thing","sizeOnDisk":0,"status":"released","year":1982,
         "path":"/movies/The Thing (1982)","rootFolderPath":"/movies","qualityProfileId":7,"hasFile":false,
         "movieFileId":0,"monitored":true,"imdbId":"tt0084787","tmdbId":1091,"tags":[]}
        """

    /// The whole library.
    static var library: String {
        "["
            + [dune, oppenheimer, bladeRunner, batman, dunkirk, arrival, heat, contradiction, unanalysed, wanted]
            .joined(separator: ",") + "]"
    }

    static func json(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation

/// Plex JSON replies shaped as in the reference (plex.md): the documented examples verbatim, and a
/// library of movies built in the same shape.
enum PlexFixtures {
    static let token = "Zq9xT3stPl3xT0ken4242"

    /// The reference's `/library/sections`, plus a second movie section.
    static let sections = """
        {"MediaContainer":{"size":3,"allowSync":false,"title1":"Plex Library","Directory":[
         {"key":"1","type":"movie","title":"Movies","agent":"tv.plex.agents.movie","scanner":"Plex Movie",
          "language":"en-US","uuid":"3a1c6a4e-2f0b-4a57-9a4e-0d3f7b1c9e21","refreshing":false,
          "updatedAt":1795550000,"scannedAt":1795551000,"Location":[{"id":1,"path":"/media/movies"}]},
         {"key":"2","type":"show","title":"TV Shows","agent":"tv.plex.agents.series","scanner":"Plex TV Series",
          "language":"en-US","uuid":"9b0e…","Location":[{"id":2,"path":"/media/tv"}]},
         {"key":3,"type":"movie","title":"4K Movies","agent":"tv.plex.agents.movie","scanner":"Plex Movie",
          "refreshing":0,"Location":[{"id":3,"path":"/media/movies-4k"}]}]}}
        """

    /// The reference's `/library/metadata/5123` item, verbatim.
    static let duneItem = """
        {"ratingKey":"5123","key":"/library/metadata/5123","guid":"plex://movie/5d776d1b47dd6e001f6f0c4e",
         "type":"movie","title":"Dune: Part Two","year":2024,"duration":9972000,"addedAt":1716200000,
         "Guid":[{"id":"imdb://tt15239678"},{"id":"tmdb://693134"},{"id":"tvdb://336355"}],
         "Media":[{"id":8001,"duration":9972000,"bitrate":74500,"width":3840,"height":2160,"aspectRatio":1.9,
           "audioChannels":8,"audioCodec":"truehd","videoCodec":"hevc","videoResolution":"4k","container":"mkv",
           "videoFrameRate":"24p","videoProfile":"main 10",
           "Part":[{"id":9001,"key":"/library/parts/9001/1716200000/file.mkv",
             "file":"/media/movies/Dune Part Two (2024)/Dune Part Two (2024) Remux-2160p.mkv",
             "size":78123456789,"duration":9972000,"container":"mkv","videoProfile":"main 10",
             "Stream":[
              {"id":1,"streamType":1,"index":0,"codec":"hevc","default":true,"bitrate":65000,"bitDepth":10,
               "width":3840,"height":2160,"frameRate":23.976,"profile":"main 10","level":153,
               "colorPrimaries":"bt2020","colorTrc":"smpte2084","colorSpace":"bt2020nc","colorRange":"tv",
               "DOVIPresent":true,"DOVIProfile":7,"DOVILevel":6,"DOVIVersion":"1.0","DOVIBLPresent":true,
               "DOVIELPresent":true,"DOVIRPUPresent":true,"DOVIBLCompatID":6,
               "displayTitle":"4K DoVi/HDR10 (HEVC Main 10)","extendedDisplayTitle":"4K DoVi/HDR10 (HEVC Main 10)"},
              {"id":2,"streamType":2,"index":1,"codec":"truehd","channels":8,"audioChannelLayout":"7.1",
               "samplingRate":48000,"bitDepth":24,"language":"English","languageCode":"eng","languageTag":"en",
               "default":true,"selected":true,"title":"TrueHD Atmos 7.1",
               "displayTitle":"English (TrueHD Atmos 7.1)","extendedDisplayTitle":"TrueHD Atmos 7.1 (English TRUEHD 7.1)"},
              {"id":3,"streamType":2,"index":2,"codec":"ac3","channels":6,"audioChannelLayout":"5.1(side)",
               "language":"English","languageCode":"eng","displayTitle":"English (AC3 5.1)"},
              {"id":4,"streamType":3,"index":3,"codec":"pgs","language":"English","languageCode":"eng",
               "displayTitle":"English (PGS)"}]}]}]}
        """

    /// The reference example's listing entry (no streams in a listing).
    static let duneSummary = """
        {"ratingKey":"5123","key":"/library/metadata/5123","guid":"plex://movie/5d776d1b47dd6e001f6f0c4e",
         "type":"movie","title":"Dune: Part Two","year":2024,
         "Guid":[{"id":"imdb://tt15239678"},{"id":"tmdb://693134"}],
         "Media":[{"id":8001,"videoResolution":"4k","audioCodec":"truehd","videoCodec":"hevc",
           "Part":[{"id":9001,"file":"/media/movies/Dune Part Two (2024)/Dune Part Two (2024) Remux-2160p.mkv","size":78123456789}]}]}
        """

    // MARK: - Builders, same shape

    /// A video stream; `dovi` is (present, profile, compat) written as given (any JSON value).
    static func video(
        width: Int = 3840, height: Int = 2160, trc: String? = "smpte2084",
        dovi: (present: String, profile: String, compat: String)? = nil,
        display: String = "4K HDR10 (HEVC Main 10)"
    ) -> String {
        var fields = [
            #""id":1"#, #""streamType":1"#, #""index":0"#, #""codec":"hevc""#, #""bitDepth":10"#, #""width":\#(width)"#,
            #""height":\#(height)"#, #""displayTitle":"\#(display)""#,
        ]
        if let trc { fields.append(#""colorTrc":"\#(trc)""#) }
        if let dovi {
            fields += [
                #""DOVIPresent":\#(dovi.present)"#, #""DOVIProfile":\#(dovi.profile)"#,
                #""DOVIBLCompatID":\#(dovi.compat)"#,
                #""DOVIELPresent":\#(dovi.profile == "7" || dovi.profile == "\"7\"" ? "true" : "false")"#,
                #""DOVIVersion":"1.0""#,
            ]
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// An audio stream.
    static func audio(
        codec: String, channels: Int, display: String, title: String? = nil, extended: String? = nil,
        profile: String? = nil
    ) -> String {
        var fields = [
            #""id":2"#, #""streamType":2"#, #""codec":"\#(codec)""#, #""channels":\#(channels)"#,
            #""language":"English""#, #""displayTitle":"\#(display)""#,
        ]
        if let title { fields.append(#""title":"\#(title)""#) }
        if let extended { fields.append(#""extendedDisplayTitle":"\#(extended)""#) }
        if let profile { fields.append(#""profile":"\#(profile)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// One `Media` with one `Part`; streams only when `withStreams`.
    struct Media {
        var id: Int
        var resolution: String
        var videoCodec = "hevc"
        var audioCodec = "truehd"
        var file: String
        var size: Int64
        var streams: [String]

        func json(withStreams: Bool) -> String {
            let stream = withStreams ? #","Stream":[\#(streams.joined(separator: ","))]"# : ""
            return """
                {"id":\(id),"videoResolution":"\(resolution)","videoCodec":"\(videoCodec)","audioCodec":"\(audioCodec)","container":"mkv",\
                "Part":[{"id":\(id + 1000),"key":"/library/parts/\(id + 1000)/1/file.mkv","file":"\(file)","size":\(size)\(stream)}]}
                """
        }
    }

    /// A movie: its listing entry and its `/library/metadata` item.
    struct Movie {
        var ratingKey: String
        var title: String
        var year: Int
        var guids: [String] = []
        var guid: String? = nil
        var media: [Media]
        /// The item endpoint answers 500 for this one.
        var failsDetail = false

        func json(withStreams: Bool) -> String {
            let guidArray =
                guids.isEmpty ? "" : #","Guid":["# + guids.map { #"{"id":"\#($0)"}"# }.joined(separator: ",") + "]"
            let agent = guid.map { #","guid":"\#($0)""# } ?? ""
            return """
                {"ratingKey":"\(ratingKey)","key":"/library/metadata/\(ratingKey)","type":"movie","title":"\(title)",\
                "year":\(year)\(agent)\(guidArray),"Media":[\(media.map { $0.json(withStreams: withStreams) }.joined(separator: ","))]}
                """
        }
    }

    /// `{"MediaContainer":{…,"Metadata":[…]}}`.
    static func container(_ items: [String], offset: Int = 0, totalSize: Int? = nil) -> String {
        let total = totalSize.map { #","totalSize":\#($0)"# } ?? ""
        return
            #"{"MediaContainer":{"size":\#(items.count),"offset":\#(offset)\#(total),"Metadata":[\#(items.joined(separator: ","))]}}"#
    }
}

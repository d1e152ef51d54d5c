import Foundation
import Plex
import Testing
import UpshiftCore

/// Pure mapping: tolerant decoding, resolutions, dynamic range, audio and the best-copy order.
@Suite struct PlexQualityTests {
    static func stream(_ json: String) throws -> PlexStream {
        try JSONDecoder().decode(PlexStream.self, from: Data(json.utf8))
    }

    @Test(arguments: [
        #"{"streamType":1,"DOVIPresent":true,"DOVIProfile":8,"DOVIBLCompatID":1}"#,
        #"{"streamType":"1","DOVIPresent":1,"DOVIProfile":"8","DOVIBLCompatID":"1"}"#,
        #"{"streamType":1.0,"DOVIPresent":"1","DOVIProfile":8.0,"DOVIBLCompatID":1}"#,
        #"{"streamType":1,"DOVIPresent":"true","DOVIProfile":8,"DOVIBLCompatID":1,"unknown":{"x":[1,2]}}"#,
    ])
    func booleansAndNumbersDecodeTolerantly(json: String) throws {
        let stream = try Self.stream(json)
        #expect(stream.isVideo && stream.doviPresent == true && stream.doviProfile == 8 && stream.doviBLCompatID == 1)
    }

    @Test func falseAndOddValuesReadAsFalseOrNil() throws {
        let stream = try Self.stream(#"{"streamType":1,"DOVIPresent":"0","DOVIProfile":"n/a","DOVIELPresent":0}"#)
        #expect(stream.doviPresent == false && stream.doviProfile == nil && stream.doviELPresent == false)
    }

    @Test func idsAsNumbersAndStrings() throws {
        let json =
            #"{"ratingKey":5123,"title":"X","year":"2024","Guid":[{"id":"tmdb://1"},{"bad":true},{"id":"imdb://tt0000001"}],"Media":[{"id":"8001","Part":[{"id":1,"file":"/a.mkv","size":"12"}]}]}"#
        let item = try JSONDecoder().decode(PlexMetadata.self, from: Data(json.utf8))
        #expect(item.ratingKey == "5123" && item.year == 2024 && item.tmdbId == 1 && item.imdbId == "tt0000001")
        #expect(item.media.first?.id == 8001 && item.media.first?.parts.first?.size == 12)
    }

    static func media(
        resolution: String? = "4k", width: Int? = nil, height: Int? = nil, video: PlexStream? = nil,
        audio: [PlexStream] = [], file: String = "/m/Film.mkv"
    ) -> PlexMedia {
        PlexMedia(
            width: width, height: height, videoResolution: resolution,
            parts: [PlexPart(file: file, size: 1, streams: [video].compactMap { $0 } + audio)]
        )
    }

    @Test(arguments: [
        ("4k", Int?.none, Resolution?.some(.r2160p)), ("1080", nil, .r1080p), ("720", nil, .r720p),
        ("576", nil, .r576p),
        ("480", nil, .r480p), ("sd", 576, .r576p), ("sd", 480, .r480p), ("sd", nil, .r480p),
    ])
    func videoResolutions(text: String, height: Int?, expected: Resolution?) {
        #expect(PlexQualityReader.quality(of: Self.media(resolution: text, height: height)).resolution == expected)
    }

    @Test func croppedFrameWhenNoResolutionLabel() {
        #expect(
            PlexQualityReader.quality(of: Self.media(resolution: nil, width: 3840, height: 1600)).resolution == .r2160p)
        #expect(
            PlexQualityReader.quality(of: Self.media(resolution: "", width: 1920, height: 800)).resolution == .r1080p)
    }

    @Test func unknownProfileHLGAndHDR10Plus() {
        let p4 = PlexStream(streamType: 1, doviPresent: true, doviProfile: 4, doviBLCompatID: 2)
        let q4 = PlexQualityReader.quality(of: Self.media(video: p4, file: "/m/Film.2020.DV.P7.FEL.mkv"))
        #expect(
            q4.dv && q4.dvProfile == nil && q4.dvLayer == nil && q4.dvRank == .basic,
            "the name never overrides Plex's profile")
        let hlg = PlexStream(streamType: 1, colorTrc: "arib-std-b67")
        #expect(PlexQualityReader.quality(of: Self.media(video: hlg)).hlg)
        let p84 = PlexStream(streamType: 1, doviPresent: true, doviProfile: 8, doviBLCompatID: 4)
        let q84 = PlexQualityReader.quality(of: Self.media(video: p84))
        #expect(q84.hlg && !q84.hdr10 && q84.dvProfile == .p8)
        let plus = PlexStream(streamType: 1, displayTitle: "4K HDR10+ (HEVC Main 10)", colorTrc: "smpte2084")
        let qPlus = PlexQualityReader.quality(of: Self.media(video: plus))
        #expect(qPlus.hdr10Plus && qPlus.hdr10)
    }

    @Test func melFromTheNameOnlyForProfile7() {
        let p7 = PlexStream(streamType: 1, doviPresent: true, doviProfile: 7, doviBLCompatID: 6)
        let mel = PlexQualityReader.quality(
            of: Self.media(video: p7, file: "/m/Film.2020.2160p.BluRay.REMUX.DV.MEL-GRP.mkv"))
        #expect(mel.dvLayer == .mel && mel.dvRank == .standard)
        let noEL = PlexStream(streamType: 1, doviPresent: true, doviProfile: 7, doviELPresent: false, doviBLCompatID: 6)
        let claimed = PlexQualityReader.quality(of: Self.media(video: noEL, file: "/m/Film.2020.DV.P7.FEL-GRP.mkv"))
        #expect(claimed.dvProfile == .p7 && claimed.dvLayer == nil, "no enhancement layer, so no FEL")
        let p8 = PlexStream(streamType: 1, doviPresent: true, doviProfile: 8, doviBLCompatID: 1)
        let named = PlexQualityReader.quality(of: Self.media(video: p8, file: "/m/Film.2020.2160p.DV.FEL-GRP.mkv"))
        #expect(named.dvProfile == .p8 && named.dvLayer == nil)
    }

    @Test func atmosOnlyOnTrueHDOrEAC3() {
        let dts = PlexStream(streamType: 2, codec: "dca", displayTitle: "English (DTS:X 7.1)", channels: 8)
        let quality = PlexQualityReader.quality(of: Self.media(audio: [dts], file: "/m/Film.2020.TrueHD.Atmos.mkv"))
        #expect(!quality.atmos && quality.audio == .dtsX && quality.channels == .surround71)
        let ac3Labelled = PlexStream(streamType: 2, codec: "ac3", title: "Atmos", channels: 6)
        #expect(!PlexQualityReader.quality(of: Self.media(audio: [ac3Labelled])).atmos)
    }

    @Test func bestAudioStreamPrefersAtmosThenCodecThenChannels() {
        let streams = [
            PlexStream(streamType: 2, codec: "ac3", channels: 6),
            PlexStream(streamType: 2, codec: "dca", channels: 8, profile: "ma"),
            PlexStream(streamType: 2, codec: "eac3", displayTitle: "English (EAC3 Atmos 5.1)", channels: 6),
        ]
        let quality = PlexQualityReader.quality(of: Self.media(audio: streams))
        #expect(quality.audio == .ddPlus && quality.atmos && quality.channels == .surround51)
        let lossless = PlexQualityReader.quality(of: Self.media(audio: Array(streams.prefix(2))))
        #expect(lossless.audio == .dtsHDMA && lossless.channels == .surround71)
    }

    @Test func unanalysedMediaTakesTheName() {
        let media = PlexMedia(
            videoResolution: "4k", audioCodec: "truehd",
            parts: [PlexPart(file: "/m/Film.2020.2160p.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP.mkv", size: 5)]
        )
        let quality = PlexQualityReader.quality(of: media)
        #expect(quality.isFEL && quality.hdr10 && quality.atmos && quality.audio == .trueHD)
    }

    @Test func bestCopyOrder() {
        func q(_ rank: DVProfile?, dv: Bool, _ resolution: Resolution, atmos: Bool, layer: DVLayer? = nil) -> Quality {
            Quality(resolution: resolution, dv: dv, dvProfile: rank, dvLayer: layer, atmos: atmos)
        }
        #expect(
            PlexQualityReader.isBetter(
                q(.p7, dv: true, .r1080p, atmos: false, layer: .fel), than: q(.p8, dv: true, .r2160p, atmos: true)))
        #expect(
            PlexQualityReader.isBetter(
                q(.p8, dv: true, .r2160p, atmos: false), than: q(.p5, dv: true, .r2160p, atmos: true)))
        #expect(
            PlexQualityReader.isBetter(
                q(nil, dv: false, .r2160p, atmos: false), than: q(nil, dv: false, .r1080p, atmos: true)))
        #expect(
            PlexQualityReader.isBetter(
                q(nil, dv: false, .r2160p, atmos: true), than: q(nil, dv: false, .r2160p, atmos: false)))
        #expect(
            !PlexQualityReader.isBetter(
                q(nil, dv: false, .r2160p, atmos: false), than: q(nil, dv: false, .r2160p, atmos: false)))
        #expect(PlexQualityReader.bestCopy(of: []) == nil)
    }
}

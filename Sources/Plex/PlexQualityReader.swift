import UpshiftCore

/// The current ``Quality`` of a Plex movie (SPEC §4), from its streams and its file's name.
///
/// Per `Media` (one version of the film):
/// - **Resolution**: `videoResolution` (`4k` → 2160p, `1080`, `720`, `576`, `480`; `sd` by height), else
///   the frame size by class (cropped widescreen counts by width), else the file name.
/// - **Dolby Vision**: `DOVIPresent`; `DOVIProfile` 5, 7 or 8 (any other profile: DV of unknown profile).
///   `hdr10` from `DOVIBLCompatID` 1 or 6 or `colorTrc` `smpte2084`; `hlg` from compat 4 or `arib-std-b67`;
///   `hdr10Plus` when a label says `HDR10+`. FEL/MEL is not in Plex: a profile 7 copy (unless `DOVIELPresent`
///   is false) takes the layer the file name states, else nil. A media entry with no video stream (Plex has not analysed the file yet)
///   takes its dynamic range from the file name.
/// - **Atmos**: an audio stream whose codec is TrueHD or EAC3 and whose title, `displayTitle` or
///   `extendedDisplayTitle` says Atmos. Older servers label Atmos tracks `English (TRUEHD 7.1)`, so a
///   file name stating Atmos is believed when a TrueHD or EAC3 stream is there; never for other codecs.
/// - **Audio codec and channels**: the best audio stream (Atmos first, then codec, then channels).
/// - **Video codec**: measured; **source and remux**: the file name; **size**: the sum of the parts.
///
/// Several `Media`: the best copy wins, by ``DolbyVisionRank``, then resolution, then Atmos.
public enum PlexQualityReader {
    /// The best copy of a movie and its quality; nil when it has no media.
    public static func bestCopy(of media: [PlexMedia]) -> (media: PlexMedia, quality: Quality)? {
        var best: (media: PlexMedia, quality: Quality)?
        for entry in media {
            let quality = quality(of: entry)
            if let current = best, !isBetter(quality, than: current.quality) { continue }
            best = (entry, quality)
        }
        return best
    }

    /// True when `lhs` is a better copy than `rhs`: DV rank, then resolution, then Atmos.
    public static func isBetter(_ lhs: Quality, than rhs: Quality) -> Bool {
        if lhs.dvRank != rhs.dvRank { return lhs.dvRank > rhs.dvRank }
        let (left, right) = (lhs.resolution?.lines ?? 0, rhs.resolution?.lines ?? 0)
        if left != right { return left > right }
        return lhs.atmos && !rhs.atmos
    }

    /// The quality of one version of a film.
    public static func quality(of media: PlexMedia) -> Quality {
        let named = FileNameStatements(media.parts.map(\.file)).quality
        let streams = media.streams
        let video = streams.first(where: \.isVideo)
        var quality = Quality(source: named.source, remux: named.remux)
        let sizes = media.parts.compactMap(\.size)
        quality.sizeBytes = sizes.isEmpty ? nil : sizes.reduce(0, +)

        quality.resolution =
            media.videoResolution.flatMap { resolution($0, height: media.height ?? video?.height) }
            ?? Resolution(frameWidth: media.width ?? video?.width, height: media.height ?? video?.height)
            ?? named.resolution
        if let video {
            applyDynamicRange(video, named: named, to: &quality)
        } else {
            quality.dv = named.dv
            quality.dvProfile = named.dvProfile
            quality.dvLayer = named.dvProfile == .p7 ? named.dvLayer : nil
            quality.hdr10 = named.hdr10 || (named.dv && named.dvProfile == .p7)
            quality.hdr10Plus = named.hdr10Plus
            quality.hlg = named.hlg
        }
        applyAudio(streams.filter(\.isAudio), media: media, named: named, to: &quality)
        quality.codec = (media.videoCodec ?? video?.codec).flatMap(videoCodec) ?? named.codec
        quality.dvLayerSource = quality.dvLayer == nil ? nil : .name
        return quality
    }

    // MARK: - Video

    private static func applyDynamicRange(_ video: PlexStream, named: Quality, to quality: inout Quality) {
        let compat = video.doviBLCompatID
        let transfer = video.colorTrc?.lowercased()
        quality.dv = video.doviPresent == true
        if quality.dv {
            quality.dvProfile = video.doviProfile.flatMap(DVProfile.init(rawValue:))
            // FEL and MEL are both enhancement layers: a file Plex says has none cannot be either.
            quality.dvLayer = quality.dvProfile == .p7 && video.doviELPresent != false ? named.dvLayer : nil
        }
        quality.hdr10Plus = video.labels.uppercased().contains("HDR10+")
        quality.hdr10 = quality.hdr10Plus || transfer == "smpte2084" || (quality.dv && (compat == 1 || compat == 6))
        quality.hlg = transfer == "arib-std-b67" || (quality.dv && compat == 4)
    }

    /// `videoResolution` as a class; `sd` is 576p when the frame is taller than 480 lines, else 480p.
    static func resolution(_ text: String, height: Int?) -> Resolution? {
        switch text.trimmingSpaces.lowercased() {
        case "4k", "2160", "2160p", "uhd": .r2160p
        case "1080", "1080p", "1080i": .r1080p
        case "720", "720p": .r720p
        case "576", "576p": .r576p
        case "480", "480p": .r480p
        case "sd": (height ?? 0) > 480 ? .r576p : .r480p
        default: nil
        }
    }

    static func videoCodec(_ name: String) -> VideoCodec? {
        switch name.lowercased() {
        case "hevc", "h265": .hevc
        case "h264", "avc": .avc
        case "av1": .av1
        case "vc1": .vc1
        case "mpeg2video", "mpeg2": .mpeg2
        default: nil
        }
    }
}

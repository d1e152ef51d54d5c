import UpshiftCore

/// The current ``Quality`` of a Radarr movie file, from what ffprobe measured (`mediaInfo`), Radarr's
/// quality definition, and what the file's names state (SPEC §4).
///
/// Precedence, field by field:
/// - **Resolution**: the measured frame size by size class (cropped widescreen counts by width:
///   3840x1600 is 2160p, 1920x800 is 1080p), else Radarr's `quality.resolution`, else the name.
/// - **Dolby Vision and HDR**: when `videoDynamicRangeType` was measured it decides `dv`, `hdr10`,
///   `hdr10Plus` and `hlg` (`PQ` counts as HDR10, as Plex's `smpte2084` does). Radarr knows no profile
///   and no layer: those come from the names, and only when they agree with the measurement
///   (P5 ↔ `DV`; P7 ↔ `DV HDR10`/`DV HDR10Plus`; P8 ↔ any `DV` with an HDR10, SDR or HLG base), else
///   they stay nil: an unknown profile is never assumed a good one. When nothing was measured, the names decide.
/// - **Atmos**: `TrueHD Atmos` / `EAC3 Atmos` measured is Atmos. Plain `TrueHD` / `EAC3` is what Radarr
///   reports for Atmos in MKV files (the codec tag is empty there), so a name stating Atmos is
///   believed for those two codecs and when no codec was measured; never for DTS, AC3, AAC, ….
/// - **Audio codec, channels, video codec**: measured, else the name.
/// - **Source and remux**: Radarr's quality definition, else the name. **Size**: the file's.
public enum RadarrQualityReader {
    /// The quality of `file`.
    public static func quality(of file: RadarrMovieFile) -> Quality {
        let named = FileNameStatements([file.relativePath, file.sceneName, file.originalFilePath]).quality
        let info = file.mediaInfo
        let definition = file.quality?.quality
        var quality = Quality(sizeBytes: file.size)

        quality.resolution =
            info?.resolution.flatMap(resolution(frame:))
            ?? definition?.resolution.flatMap(resolution(lines:)) ?? named.resolution
        applyDynamicRange(info, named: named, to: &quality)
        applyAudio(info, named: named, to: &quality)
        quality.codec = info?.videoCodec.flatMap(videoCodec) ?? named.codec
        if let source = definition?.source.flatMap(source) {
            quality.source = source
            quality.remux = definition?.modifier.map { $0.lowercased() == "remux" } ?? named.remux
        } else {
            quality.source = named.source
            quality.remux = named.remux
        }
        quality.dvLayerSource = quality.dvLayer == nil ? nil : .name
        return quality
    }

    // MARK: - Dynamic range

    private static func applyDynamicRange(_ info: RadarrMediaInfo?, named: Quality, to quality: inout Quality) {
        guard let type = info?.videoDynamicRangeType?.trimmingSpaces else {
            quality.dv = named.dv
            quality.dvProfile = named.dvProfile
            quality.dvLayer = named.dvProfile == .p7 ? named.dvLayer : nil
            // Profile 7 always has an HDR10 base layer; other profiles may not.
            quality.hdr10 = named.hdr10 || (named.dv && named.dvProfile == .p7)
            quality.hdr10Plus = named.hdr10Plus
            quality.hlg = named.hlg
            if !named.dv && !named.hdr10 && !named.hdr10Plus && !named.hlg && info?.videoDynamicRange == "HDR" {
                quality.hdr10 = true
            }
            return
        }
        let words = Set(type.uppercased().split(separator: " ").map(String.init))
        quality.dv = words.contains("DV")
        quality.hdr10Plus = words.contains("HDR10PLUS")
        quality.hdr10 = quality.hdr10Plus || words.contains("HDR10") || words.contains("PQ")
        quality.hlg = words.contains("HLG")
        guard quality.dv, let profile = named.dvProfile else { return }
        let agrees: Bool
        switch profile {
        case .p5: agrees = !quality.hdr10 && !quality.hlg && !words.contains("SDR")
        case .p7: agrees = quality.hdr10
        case .p8: agrees = quality.hdr10 || quality.hlg || words.contains("SDR")
        }
        guard agrees else { return }
        quality.dvProfile = profile
        quality.dvLayer = profile == .p7 ? named.dvLayer : nil
    }

    // MARK: - Audio

    private static func applyAudio(_ info: RadarrMediaInfo?, named: Quality, to quality: inout Quality) {
        if let measured = info?.audioCodec?.trimmingSpaces, !measured.isEmpty {
            let upper = measured.uppercased()
            quality.audio = audioCodec(upper)
            if upper.contains("ATMOS") {
                quality.atmos = true
            } else {
                quality.atmos = named.atmos && (quality.audio == .trueHD || quality.audio == .ddPlus)
            }
        } else {
            quality.audio = named.audio
            quality.atmos = named.atmos
        }
        quality.channels = info?.audioChannels.flatMap(channels) ?? named.channels
    }

    static func audioCodec(_ upper: String) -> AudioCodec? {
        switch upper {
        case "TRUEHD", "TRUEHD ATMOS": .trueHD
        case "EAC3", "EAC3 ATMOS", "E-AC-3", "DDP", "DD+": .ddPlus
        case "AC3", "DD": .dd
        case "DTS-X", "DTS:X": .dtsX
        case "DTS-HD MA": .dtsHDMA
        case "DTS", "DTS-ES", "DTS-HD HRA", "DTS EXPRESS", "DTS 96/24": .dts
        case "FLAC": .flac
        case "PCM", "LPCM": .lpcm
        case "AAC", "HE-AAC": .aac
        case "OPUS": .opus
        default: nil
        }
    }

    static func channels(_ count: Double) -> Channels? {
        switch count {
        case 7...: .surround71
        case 5..<7: .surround51
        case 2..<3: .stereo
        default: nil
        }
    }

    // MARK: - Video

    /// The class of a measured `WIDTHxHEIGHT`: the larger of the classes its width and its height reach,
    /// so a film cropped to 2.40:1 keeps its class (3840x1600 → 2160p, 1920x800 → 1080p, 1280x536 → 720p).
    public static func resolution(frame: String) -> Resolution? {
        let parts = frame.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0].trimmingSpaces), let height = Int(parts[1].trimmingSpaces),
            width > 0, height > 0
        else { return nil }
        return Resolution(frameWidth: width, height: height)
    }

    static func resolution(lines: Int) -> Resolution? {
        Resolution.allCases.first { $0.lines == lines }
    }

    static func videoCodec(_ name: String) -> VideoCodec? {
        switch name.trimmingSpaces.lowercased() {
        case "x265": .x265
        case "x264": .x264
        case "hevc", "h265", "h.265": .hevc
        case "avc", "h264", "h.264": .avc
        case "av1": .av1
        case "vc1", "vc-1": .vc1
        case "mpeg2", "mpeg-2", "mpeg2video": .mpeg2
        default: nil
        }
    }

    static func source(_ name: String) -> Source? {
        switch name.lowercased() {
        case "bluray": .bluRay
        case "webdl": .webDL
        case "webrip": .webRip
        case "tv": .hdtv
        case "dvd": .dvd
        default: nil
        }
    }
}

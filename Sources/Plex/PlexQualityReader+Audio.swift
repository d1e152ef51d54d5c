import UpshiftCore

extension PlexQualityReader {
    /// Sets `audio`, `channels` and `atmos` from the audio streams (or the media summary when Plex
    /// sent none), with the file name's Atmos believed only for a TrueHD or EAC3 track.
    static func applyAudio(_ streams: [PlexStream], media: PlexMedia, named: Quality, to quality: inout Quality) {
        guard !streams.isEmpty else {
            let codec = media.audioCodec.map { audioCodec($0, profile: nil, labels: "") }
            quality.audio = codec ?? named.audio
            quality.channels = media.audioChannels.flatMap(channels) ?? named.channels
            quality.atmos = named.atmos && (codec == nil || codec == .trueHD || codec == .ddPlus)
            return
        }
        let best = streams.max { rank($0) < rank($1) }
        quality.audio = best.flatMap(codec(of:))
        quality.channels = best.flatMap { stream in
            stream.channels.flatMap(channels) ?? stream.audioChannelLayout.flatMap(channels(layout:))
        }
        let atmosCapable = streams.filter { [.trueHD, .ddPlus].contains(codec(of: $0)) }
        quality.atmos = atmosCapable.contains(where: isAtmos) || (named.atmos && !atmosCapable.isEmpty)
    }

    /// True when a TrueHD or EAC3 stream's labels say Atmos.
    static func isAtmos(_ stream: PlexStream) -> Bool {
        let codec = codec(of: stream)
        return (codec == .trueHD || codec == .ddPlus) && stream.labels.lowercased().contains("atmos")
    }

    /// Orders audio streams: Atmos, then codec, then channels.
    private static func rank(_ stream: PlexStream) -> (Int, Int, Int) {
        let codecRank: Int
        switch codec(of: stream) {
        case .trueHD, .dtsX: codecRank = 9
        case .dtsHDMA: codecRank = 8
        case .lpcm: codecRank = 7
        case .flac: codecRank = 6
        case .ddPlus: codecRank = 5
        case .dts: codecRank = 4
        case .dd: codecRank = 3
        case .aac: codecRank = 2
        case .opus: codecRank = 1
        case nil: codecRank = 0
        }
        return (isAtmos(stream) ? 1 : 0, codecRank, stream.channels ?? 0)
    }

    static func codec(of stream: PlexStream) -> AudioCodec? {
        stream.codec.flatMap { audioCodec($0, profile: stream.profile, labels: stream.labels) }
    }

    /// Plex's codec name (with the DTS profile and the labels for DTS-HD MA and DTS:X) as Upshift's codec.
    static func audioCodec(_ name: String, profile: String?, labels: String) -> AudioCodec? {
        let name = name.lowercased()
        let profile = profile?.lowercased() ?? ""
        let labels = labels.uppercased()
        switch name {
        case "truehd", "mlp": return .trueHD
        case "eac3", "ec3", "e-ac-3": return .ddPlus
        case "ac3": return .dd
        case "dca", "dts", "dca-ma":
            if profile == "x" || profile.contains("dts:x") || labels.contains("DTS:X") || labels.contains("DTS-X") {
                return .dtsX
            }
            if name == "dca-ma" || profile == "ma" || profile.contains("hd ma") || labels.contains("DTS-HD MA") {
                return .dtsHDMA
            }
            return .dts
        case "aac": return .aac
        case "flac": return .flac
        case "opus": return .opus
        default: return name.hasPrefix("pcm") || name == "lpcm" ? .lpcm : nil
        }
    }

    static func channels(_ count: Int) -> Channels? {
        switch count {
        case 8...: .surround71
        case 6...7: .surround51
        case 2: .stereo
        default: nil
        }
    }

    /// `7.1`, `5.1(side)`, `stereo` as a layout.
    static func channels(layout: String) -> Channels? {
        let layout = layout.lowercased()
        if layout.hasPrefix("7.1") { return .surround71 }
        if layout.hasPrefix("5.1") || layout.hasPrefix("6.1") { return .surround51 }
        if layout.hasPrefix("stereo") || layout.hasPrefix("2.0") { return .stereo }
        return nil
    }
}

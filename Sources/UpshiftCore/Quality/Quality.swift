/// What one copy of a film is: a library file or a release (SPEC §2).
///
/// Booleans that a name does not state are `false`; enumerations that are not known are `nil`.
/// The model is plain data: comparison lives in ``DolbyVisionRank`` and ``UpgradeRules``.
public struct Quality: Sendable, Hashable {
    /// Vertical resolution class.
    public var resolution: Resolution?
    /// Dolby Vision is present.
    public var dv: Bool
    /// Dolby Vision profile, `nil` when not known.
    public var dvProfile: DVProfile?
    /// Profile 7 enhancement-layer type, `nil` when not known.
    public var dvLayer: DVLayer?
    /// An HDR10 (base) layer is present.
    public var hdr10: Bool
    /// HDR10+ dynamic metadata is present.
    public var hdr10Plus: Bool
    /// Hybrid log-gamma.
    public var hlg: Bool
    /// Dolby Atmos audio (TrueHD Atmos or DD+ Atmos).
    public var atmos: Bool
    /// Best audio codec.
    public var audio: AudioCodec?
    /// Channel layout.
    public var channels: Channels?
    /// Source medium.
    public var source: Source?
    /// A remux of the disc (`nil` when not known).
    public var remux: Bool?
    /// Video codec as named.
    public var codec: VideoCodec?
    /// Size in bytes, from the feed, the torrent or the library file.
    public var sizeBytes: Int64?
    /// Where ``dvLayer`` was learned, for a library copy: its file's Dolby Vision metadata, or its
    /// file name; `nil` when the layer is unknown, and for releases (their name is all there is).
    public var dvLayerSource: DVLayerSource?

    /// Creates a quality; every argument defaults to "not known / not present".
    public init(
        resolution: Resolution? = nil, dv: Bool = false, dvProfile: DVProfile? = nil, dvLayer: DVLayer? = nil,
        hdr10: Bool = false, hdr10Plus: Bool = false, hlg: Bool = false, atmos: Bool = false,
        audio: AudioCodec? = nil, channels: Channels? = nil, source: Source? = nil, remux: Bool? = nil,
        codec: VideoCodec? = nil, sizeBytes: Int64? = nil, dvLayerSource: DVLayerSource? = nil
    ) {
        self.dvLayerSource = dvLayerSource
        self.resolution = resolution
        self.dv = dv
        self.dvProfile = dvProfile
        self.dvLayer = dvLayer
        self.hdr10 = hdr10
        self.hdr10Plus = hdr10Plus
        self.hlg = hlg
        self.atmos = atmos
        self.audio = audio
        self.channels = channels
        self.source = source
        self.remux = remux
        self.codec = codec
        self.sizeBytes = sizeBytes
    }

    /// The Dolby Vision rank of this copy (SPEC §2).
    @inline(__always)
    public var dvRank: DolbyVisionRank { DolbyVisionRank(self) }

    /// True when this copy is Dolby Vision profile 7 with a full enhancement layer.
    @inline(__always)
    public var isFEL: Bool { dv && dvProfile == .p7 && dvLayer == .fel }

    /// A short human label, e.g. `2160p DV P7 FEL Atmos` or `1080p SDR`.
    public var label: String {
        var parts: [String] = []
        if let resolution { parts.append(resolution.rawValue) }
        if dv {
            var dvPart = "DV"
            if let dvProfile { dvPart += " P\(dvProfile.rawValue)" }
            if let dvLayer {
                dvPart += " \(dvLayer.rawValue)"
                // Where the layer was learned matters most when the file itself told.
                if dvLayerSource == .file { dvPart += " (read from the file)" }
            }
            parts.append(dvPart)
        } else if hdr10Plus {
            parts.append("HDR10+")
        } else if hdr10 {
            parts.append("HDR10")
        } else if hlg {
            parts.append("HLG")
        }
        if atmos { parts.append("Atmos") }
        return parts.isEmpty ? "unknown quality" : parts.joined(separator: " ")
    }
}

/// Vertical resolution class.
public enum Resolution: String, Sendable, Hashable, CaseIterable, Comparable {
    case r480p = "480p", r576p = "576p", r720p = "720p", r1080p = "1080p", r2160p = "2160p"

    /// Lines of the class, used for ordering.
    public var lines: Int {
        switch self {
        case .r480p: 480
        case .r576p: 576
        case .r720p: 720
        case .r1080p: 1080
        case .r2160p: 2160
        }
    }

    public static func < (lhs: Resolution, rhs: Resolution) -> Bool { lhs.lines < rhs.lines }
}

/// Dolby Vision profile. Profile numbers are names, not an order: see ``DolbyVisionRank``.
public enum DVProfile: Int, Sendable, Hashable, CaseIterable {
    case p5 = 5, p7 = 7, p8 = 8
}

/// Profile 7 enhancement-layer type.
public enum DVLayer: String, Sendable, Hashable, CaseIterable {
    case fel = "FEL", mel = "MEL"
}

/// How a library copy's Dolby Vision layer is known (SPEC §4).
public enum DVLayerSource: String, Sendable, Hashable, CaseIterable {
    /// Read from the file's own Dolby Vision metadata (the RPU) by Upshift's probe.
    case file
    /// Stated by the file's name.
    case name
}

/// Audio codec families the model distinguishes.
public enum AudioCodec: String, Sendable, Hashable, CaseIterable {
    case trueHD = "TrueHD", dtsHDMA = "DTS-HD MA", dtsX = "DTS-X", dts = "DTS", ddPlus = "DD+", dd = "DD"
    case aac = "AAC", flac = "FLAC", lpcm = "LPCM", opus = "Opus"
}

/// Channel layouts the model distinguishes.
public enum Channels: String, Sendable, Hashable, CaseIterable {
    case stereo = "2.0", surround51 = "5.1", surround71 = "7.1"
}

/// Source medium.
public enum Source: String, Sendable, Hashable, CaseIterable {
    case bluRay = "BluRay", webDL = "WEB-DL", webRip = "WEBRip", hdtv = "HDTV", dvd = "DVD"
}

/// Video codec as named in a release.
public enum VideoCodec: String, Sendable, Hashable, CaseIterable {
    case x265, x264, hevc = "HEVC", avc = "AVC", av1 = "AV1", vc1 = "VC-1", mpeg2 = "MPEG-2"
}

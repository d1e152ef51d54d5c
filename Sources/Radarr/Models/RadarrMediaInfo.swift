/// What ffprobe measured in a movie file (`MediaInfoResource`); every field optional.
///
/// Radarr reports no Dolby Vision profile and no FEL/MEL layer; see ``RadarrQualityReader``.
public struct RadarrMediaInfo: Sendable, Hashable, Decodable {
    /// Primary audio codec: `TrueHD Atmos`, `TrueHD`, `EAC3 Atmos`, `EAC3`, `DTS-HD MA`, `DTS-X`, `AC3`, …
    public var audioCodec: String?
    /// Primary audio channels, e.g. 7.1.
    public var audioChannels: Double?
    /// Number of audio streams.
    public var audioStreamCount: Int?
    /// `x265`, `x264`, `HEVC`, `AVC`, `h265`, `AV1`, `VC1`, `MPEG2`, …
    public var videoCodec: String?
    /// Video bit depth.
    public var videoBitDepth: Int?
    /// `HDR` for any HDR or DV format, else empty.
    public var videoDynamicRange: String?
    /// `""` (SDR), `PQ`, `HDR10`, `HDR10Plus`, `HLG`, `DV`, `DV HDR10`, `DV HDR10Plus`, `DV HLG`, `DV SDR`.
    public var videoDynamicRangeType: String?
    /// Frame size as text, `3840x2160`.
    public var resolution: String?
    /// Run time, `2:46:12`.
    public var runTime: String?

    /// Creates media info.
    public init(
        audioCodec: String? = nil, audioChannels: Double? = nil, audioStreamCount: Int? = nil,
        videoCodec: String? = nil, videoBitDepth: Int? = nil, videoDynamicRange: String? = nil,
        videoDynamicRangeType: String? = nil, resolution: String? = nil, runTime: String? = nil
    ) {
        self.audioCodec = audioCodec
        self.audioChannels = audioChannels
        self.audioStreamCount = audioStreamCount
        self.videoCodec = videoCodec
        self.videoBitDepth = videoBitDepth
        self.videoDynamicRange = videoDynamicRange
        self.videoDynamicRangeType = videoDynamicRangeType
        self.resolution = resolution
        self.runTime = runTime
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case audioCodec, audioChannels, audioStreamCount, videoCodec, videoBitDepth, videoDynamicRange
        case videoDynamicRangeType, resolution, runTime
    }
}

/// One stream of a file (`Stream`): video (1), audio (2) or subtitle (3).
public struct PlexStream: Sendable, Hashable, Decodable {
    /// 1 video, 2 audio, 3 subtitle.
    public var streamType: Int?
    /// `hevc`, `truehd`, `eac3`, `dca`, …
    public var codec: String?
    /// Track name from the file, e.g. `TrueHD Atmos 7.1`.
    public var title: String?
    /// Plex's label, e.g. `English (TrueHD Atmos 7.1)` or `4K DoVi/HDR10 (HEVC Main 10)`.
    public var displayTitle: String?
    /// Plex's longer label.
    public var extendedDisplayTitle: String?
    /// Audio channels (8 = 7.1).
    public var channels: Int?
    /// `7.1`, `5.1(side)`.
    public var audioChannelLayout: String?
    /// Codec profile (`main 10`; for DTS `ma`, `x`, …).
    public var profile: String?
    /// Video frame width.
    public var width: Int?
    /// Video frame height.
    public var height: Int?
    /// `smpte2084` (PQ/HDR10), `arib-std-b67` (HLG), `bt709`, …
    public var colorTrc: String?
    /// Dolby Vision present.
    public var doviPresent: Bool?
    /// Dolby Vision profile number (4, 5, 7, 8, …).
    public var doviProfile: Int?
    /// Enhancement layer present (every profile 7 file, FEL and MEL alike).
    public var doviELPresent: Bool?
    /// Base-layer signal compatibility id: 0 none, 1 HDR10, 2 SDR, 4 HLG, 6 HDR10 (UHD-BD).
    public var doviBLCompatID: Int?

    /// Creates a stream.
    public init(
        streamType: Int?, codec: String? = nil, title: String? = nil, displayTitle: String? = nil,
        extendedDisplayTitle: String? = nil, channels: Int? = nil, audioChannelLayout: String? = nil,
        profile: String? = nil, width: Int? = nil, height: Int? = nil, colorTrc: String? = nil,
        doviPresent: Bool? = nil, doviProfile: Int? = nil, doviELPresent: Bool? = nil, doviBLCompatID: Int? = nil
    ) {
        self.streamType = streamType
        self.codec = codec
        self.title = title
        self.displayTitle = displayTitle
        self.extendedDisplayTitle = extendedDisplayTitle
        self.channels = channels
        self.audioChannelLayout = audioChannelLayout
        self.profile = profile
        self.width = width
        self.height = height
        self.colorTrc = colorTrc
        self.doviPresent = doviPresent
        self.doviProfile = doviProfile
        self.doviELPresent = doviELPresent
        self.doviBLCompatID = doviBLCompatID
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case streamType, codec, title, displayTitle, extendedDisplayTitle, channels, audioChannelLayout, profile
        case width, height, colorTrc
        case doviPresent = "DOVIPresent"
        case doviProfile = "DOVIProfile"
        case doviELPresent = "DOVIELPresent"
        case doviBLCompatID = "DOVIBLCompatID"
    }

    /// Decodes tolerantly (booleans as `true`, `1` or `"1"`; numbers as numbers or text).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        streamType = container.flexibleInt(.streamType)
        codec = container.flexibleString(.codec)
        title = container.flexibleString(.title)
        displayTitle = container.flexibleString(.displayTitle)
        extendedDisplayTitle = container.flexibleString(.extendedDisplayTitle)
        channels = container.flexibleInt(.channels)
        audioChannelLayout = container.flexibleString(.audioChannelLayout)
        profile = container.flexibleString(.profile)
        width = container.flexibleInt(.width)
        height = container.flexibleInt(.height)
        colorTrc = container.flexibleString(.colorTrc)
        doviPresent = container.flexibleBool(.doviPresent)
        doviProfile = container.flexibleInt(.doviProfile)
        doviELPresent = container.flexibleBool(.doviELPresent)
        doviBLCompatID = container.flexibleInt(.doviBLCompatID)
    }

    /// True for a video stream.
    public var isVideo: Bool { streamType == 1 }
    /// True for an audio stream.
    public var isAudio: Bool { streamType == 2 }

    /// The three labels, joined, for text matches (`Atmos`, `DTS:X`, `HDR10+`).
    var labels: String {
        [title, displayTitle, extendedDisplayTitle].compactMap { $0 }.joined(separator: " | ")
    }
}

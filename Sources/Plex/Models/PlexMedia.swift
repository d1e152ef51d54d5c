/// One version of a film (`Media`): its summary attributes and its files.
public struct PlexMedia: Sendable, Hashable, Decodable {
    /// Media id.
    public var id: Int64?
    /// Frame width.
    public var width: Int?
    /// Frame height.
    public var height: Int?
    /// `4k`, `1080`, `720`, `576`, `480`, `sd` (a string; numbers are accepted).
    public var videoResolution: String?
    /// `hevc`, `h264`, `av1`, …
    public var videoCodec: String?
    /// `truehd`, `eac3`, `dca`, `ac3`, `aac`, …
    public var audioCodec: String?
    /// Channels of the main audio stream (8 = 7.1).
    public var audioChannels: Int?
    /// `mkv`, `mp4`.
    public var container: String?
    /// The files (usually one).
    public var parts: [PlexPart]

    /// Creates a media entry.
    public init(
        id: Int64? = nil, width: Int? = nil, height: Int? = nil, videoResolution: String? = nil,
        videoCodec: String? = nil, audioCodec: String? = nil, audioChannels: Int? = nil, container: String? = nil,
        parts: [PlexPart] = []
    ) {
        self.id = id
        self.width = width
        self.height = height
        self.videoResolution = videoResolution
        self.videoCodec = videoCodec
        self.audioCodec = audioCodec
        self.audioChannels = audioChannels
        self.container = container
        self.parts = parts
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case id, width, height, videoResolution, videoCodec, audioCodec, audioChannels, container
        case parts = "Part"
    }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.flexibleInt64(.id)
        width = container.flexibleInt(.width)
        height = container.flexibleInt(.height)
        videoResolution = container.flexibleString(.videoResolution)
        videoCodec = container.flexibleString(.videoCodec)
        audioCodec = container.flexibleString(.audioCodec)
        audioChannels = container.flexibleInt(.audioChannels)
        self.container = container.flexibleString(.container)
        parts = container.flexibleArray(.parts)
    }

    /// Every stream of every part.
    public var streams: [PlexStream] { parts.flatMap(\.streams) }
}

/// One file of a media entry (`Part`).
public struct PlexPart: Sendable, Hashable, Decodable {
    /// Part id.
    public var id: Int64?
    /// Absolute path on the Plex server.
    public var file: String?
    /// Size in bytes.
    public var size: Int64?
    /// The download path of the file (`/library/parts/<id>/<version>/file.mkv`).
    public var key: String?
    /// Video, audio and subtitle streams (only guaranteed from `/library/metadata/{ratingKey}`).
    public var streams: [PlexStream]

    /// Creates a part.
    public init(id: Int64? = nil, file: String?, size: Int64?, key: String? = nil, streams: [PlexStream] = []) {
        self.id = id
        self.key = key
        self.file = file
        self.size = size
        self.streams = streams
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case id, file, size, key
        case streams = "Stream"
    }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = container.flexibleInt64(.id)
        file = container.flexibleString(.file)
        size = container.flexibleInt64(.size)
        key = container.flexibleString(.key)
        streams = container.flexibleArray(.streams)
    }
}

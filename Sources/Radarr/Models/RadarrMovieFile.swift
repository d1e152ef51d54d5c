/// The file Radarr holds for a movie (`MovieFileResource`); every field optional.
public struct RadarrMovieFile: Sendable, Hashable, Decodable {
    /// Radarr's file id.
    public var id: Int?
    /// The movie's id.
    public var movieId: Int?
    /// Path relative to the movie folder (the file name, usually).
    public var relativePath: String?
    /// Absolute path, as Radarr sees it.
    public var path: String?
    /// Size in bytes.
    public var size: Int64?
    /// The release name the file was grabbed as, when Radarr knows it.
    public var sceneName: String?
    /// Release group.
    public var releaseGroup: String?
    /// Edition (`Director's Cut`), often empty.
    public var edition: String?
    /// Radarr's quality, parsed from the release or file name (not measured).
    public var quality: RadarrFileQuality?
    /// What ffprobe measured.
    public var mediaInfo: RadarrMediaInfo?
    /// The path the file was imported from.
    public var originalFilePath: String?

    /// Creates a file (tests and fakes; the client decodes them).
    public init(
        id: Int? = nil, movieId: Int? = nil, relativePath: String? = nil, path: String? = nil, size: Int64? = nil,
        sceneName: String? = nil, releaseGroup: String? = nil, edition: String? = nil,
        quality: RadarrFileQuality? = nil, mediaInfo: RadarrMediaInfo? = nil, originalFilePath: String? = nil
    ) {
        self.id = id
        self.movieId = movieId
        self.relativePath = relativePath
        self.path = path
        self.size = size
        self.sceneName = sceneName
        self.releaseGroup = releaseGroup
        self.edition = edition
        self.quality = quality
        self.mediaInfo = mediaInfo
        self.originalFilePath = originalFilePath
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case id, movieId, relativePath, path, size, sceneName, releaseGroup, edition, quality, mediaInfo
        case originalFilePath
    }
}

/// `quality` of a movie file: the quality definition and its revision.
public struct RadarrFileQuality: Sendable, Hashable, Decodable {
    /// The quality definition (`Remux-2160p`, …).
    public var quality: RadarrQualityDefinition?

    /// Creates a file quality.
    public init(quality: RadarrQualityDefinition? = nil) {
        self.quality = quality
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case quality
    }
}

/// One of Radarr's quality definitions (`src/NzbDrone.Core/Qualities/Quality.cs`).
public struct RadarrQualityDefinition: Sendable, Hashable, Decodable {
    /// Quality id (31 = Remux-2160p).
    public var id: Int?
    /// `Remux-2160p`, `WEBDL-1080p`, `Bluray-2160p`, …
    public var name: String?
    /// `unknown|cam|telesync|telecine|workprint|dvd|tv|webdl|webrip|bluray`.
    public var source: String?
    /// 0, 480, 576, 720, 1080 or 2160.
    public var resolution: Int?
    /// `none|regional|screener|rawhd|brdisk|remux`.
    public var modifier: String?

    /// Creates a quality definition.
    public init(
        id: Int? = nil, name: String? = nil, source: String? = nil, resolution: Int? = nil, modifier: String? = nil
    ) {
        self.id = id
        self.name = name
        self.source = source
        self.resolution = resolution
        self.modifier = modifier
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case id, name, source, resolution, modifier
    }
}

/// A movie the owner already has, with the quality of its best copy (SPEC §4).
public struct LibraryMovie: Sendable, Hashable {
    /// Stable identifier in its source (Plex rating key, Radarr id, ...).
    public var id: String
    /// Title as the library writes it.
    public var title: String
    /// Release year, when known.
    public var year: Int?
    /// TMDB id, when known.
    public var tmdbId: Int?
    /// IMDb id (`tt…`), when known.
    public var imdbId: String?
    /// The current best copy.
    public var quality: Quality
    /// Path of the file, as the library sees it.
    public var filePath: String?
    /// Plex's download key of that file (`/library/parts/<id>/<version>/file.mkv`), for the probe.
    public var partKey: String?

    /// Creates a library movie.
    public init(
        id: String, title: String, year: Int?, tmdbId: Int? = nil, imdbId: String? = nil,
        quality: Quality = Quality(), filePath: String? = nil, partKey: String? = nil
    ) {
        self.partKey = partKey
        self.id = id
        self.title = title
        self.year = year
        self.tmdbId = tmdbId
        self.imdbId = imdbId
        self.quality = quality
        self.filePath = filePath
    }
}

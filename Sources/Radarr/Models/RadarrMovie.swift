/// A movie as Radarr API v3 describes it (`MovieResource`), reduced to what Upshift reads.
///
/// Radarr omits null properties and an `id` of 0 (lookup results for films not in the library
/// have no `id`, `path` or `movieFile`), so every field is optional.
public struct RadarrMovie: Sendable, Hashable, Decodable {
    /// Radarr's id; absent for lookup results not in the library.
    public var id: Int?
    /// Title as Radarr writes it.
    public var title: String?
    /// Original-language title.
    public var originalTitle: String?
    /// Release year.
    public var year: Int?
    /// TMDB id.
    public var tmdbId: Int?
    /// IMDb id (`tt…`).
    public var imdbId: String?
    /// The movie's folder, as Radarr sees it (`/movies/Dune Part Two (2024)`).
    public var path: String?
    /// Radarr's root folder holding ``path`` (`/movies`).
    public var rootFolderPath: String?
    /// Lookup only: the folder name Radarr would create.
    public var folder: String?
    /// True when a file is on disk (not filled by lookup).
    public var hasFile: Bool?
    /// The file's id, 0 when none.
    public var movieFileId: Int?
    /// Monitored in Radarr.
    public var monitored: Bool?
    /// `tba`, `announced`, `inCinemas`, `released`, `deleted`.
    public var status: String?
    /// Bytes on disk for this movie.
    public var sizeOnDisk: Int64?
    /// The quality profile id.
    public var qualityProfileId: Int?
    /// The file on disk, when there is one.
    public var movieFile: RadarrMovieFile?

    /// Creates a movie (tests and fakes; the client decodes them).
    public init(
        id: Int? = nil, title: String? = nil, originalTitle: String? = nil, year: Int? = nil, tmdbId: Int? = nil,
        imdbId: String? = nil, path: String? = nil, rootFolderPath: String? = nil, folder: String? = nil,
        hasFile: Bool? = nil, movieFileId: Int? = nil, monitored: Bool? = nil, status: String? = nil,
        sizeOnDisk: Int64? = nil, qualityProfileId: Int? = nil, movieFile: RadarrMovieFile? = nil
    ) {
        self.id = id
        self.title = title
        self.originalTitle = originalTitle
        self.year = year
        self.tmdbId = tmdbId
        self.imdbId = imdbId
        self.path = path
        self.rootFolderPath = rootFolderPath
        self.folder = folder
        self.hasFile = hasFile
        self.movieFileId = movieFileId
        self.monitored = monitored
        self.status = status
        self.sizeOnDisk = sizeOnDisk
        self.qualityProfileId = qualityProfileId
        self.movieFile = movieFile
    }

    /// The JSON names, camelCase as Radarr writes them.
    enum CodingKeys: String, CodingKey {
        case id, title, originalTitle, year, tmdbId, imdbId, path, rootFolderPath, folder, hasFile, movieFileId
        case monitored, status, sizeOnDisk, qualityProfileId, movieFile
    }

    /// True when Radarr holds this movie (lookup results for other films have no id, or id 0).
    public var isInLibrary: Bool { (id ?? 0) > 0 }

    /// True when a file is on disk: `hasFile`, or an embedded `movieFile`.
    public var hasMovieFile: Bool { hasFile ?? (movieFile != nil) }
}

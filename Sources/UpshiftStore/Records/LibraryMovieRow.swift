import GRDB
import UpshiftCore
import UpshiftServices

/// A row of `library_movies`.
struct LibraryMovieRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "library_movies"

    var id: String
    var title: String
    var year: Int?
    var tmdbId: Int?
    var imdbId: String?
    var quality: String
    var filePath: String?
    var source: String
    /// Keeps the scan's order, which decides ties in library matching.
    var position: Int

    enum CodingKeys: String, CodingKey {
        case id, title, year
        case tmdbId = "tmdb_id"
        case imdbId = "imdb_id"
        case quality
        case filePath = "file_path"
        case source, position
    }

    init(_ movie: LibraryMovie, source: String, position: Int) {
        id = movie.id
        title = movie.title
        year = movie.year
        tmdbId = movie.tmdbId
        imdbId = movie.imdbId
        quality = QualityJSON.text(movie.quality)
        filePath = movie.filePath
        self.source = source
        self.position = position
    }

    var movie: LibraryMovie {
        LibraryMovie(
            id: id, title: title, year: year, tmdbId: tmdbId, imdbId: imdbId, quality: QualityJSON.quality(quality),
            filePath: filePath)
    }
}

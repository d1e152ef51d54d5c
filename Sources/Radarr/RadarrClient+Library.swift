import UpshiftCore

extension RadarrClient {
    /// The library as Upshift sees it (SPEC §4, for users without Plex): every Radarr movie that has a
    /// file, with its current quality. Movies Radarr wants but does not hold are left out: the owner
    /// does not have them.
    public func libraryMovies() async throws -> [LibraryMovie] {
        try await movies().filter(\.hasMovieFile).compactMap { $0.libraryMovie() }
    }

    /// The folder Radarr keeps for a film (SPEC §6), as Radarr sees it, or nil when Radarr does not hold it.
    ///
    /// Tried in order: the TMDB id (`?tmdbId=`); then title and year against the whole library, with
    /// Upshift's matching rules (``LibraryIndex``: normalised title, year exact or ±1, a differing id
    /// never matches); then Radarr's lookup, keeping only a result already in the library (it has an
    /// `id` and a `path`) that agrees on the id or on title and year.
    public func movieFolder(tmdbId: Int?, title: String, year: Int?) async throws -> String? {
        if let tmdbId, let movie = try await movie(tmdbId: tmdbId), let path = movie.path, !path.isEmpty {
            return path
        }
        let library = try await movies()
        if let path = Self.folder(in: library, tmdbId: tmdbId, title: title, year: year) { return path }
        let term = [title, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
        let found = try await lookup(term: term).filter(\.isInLibrary)
        return Self.folder(in: found, tmdbId: tmdbId, title: title, year: year)
    }

    /// The path of the movie in `movies` that matches, by Upshift's library rules.
    static func folder(in movies: [RadarrMovie], tmdbId: Int?, title: String, year: Int?) -> String? {
        var paths: [String: String] = [:]
        var entries: [LibraryMovie] = []
        for (index, movie) in movies.enumerated() {
            guard let path = movie.path, !path.isEmpty else { continue }
            let key = "\(index)"
            paths[key] = path
            entries.append(
                LibraryMovie(
                    id: key, title: movie.title ?? "", year: movie.year, tmdbId: movie.tmdbId, imdbId: movie.imdbId))
            if let original = movie.originalTitle, original != movie.title {
                entries.append(
                    LibraryMovie(id: key, title: original, year: movie.year, tmdbId: movie.tmdbId, imdbId: movie.imdbId)
                )
            }
        }
        guard let match = LibraryIndex(entries).match(title: title, year: year, tmdbId: tmdbId) else { return nil }
        return paths[match.id]
    }
}

import Foundation
import Plex
import Radarr
import UpshiftCore
import UpshiftServices

/// The `LibrarySource` port on Plex.
struct PlexLibrarySource: LibrarySource {
    let client: PlexClient
    var name: String { "Plex" }

    func scan() async throws -> [LibraryMovie] { try await client.libraryMovies() }
}

/// The `LibrarySource` port on Radarr (for users without Plex).
struct RadarrLibrarySource: LibrarySource {
    let client: RadarrClient
    var name: String { "Radarr" }

    func scan() async throws -> [LibraryMovie] { try await client.libraryMovies() }
}

/// The folder a movie lives in, as qBittorrent sees it: Radarr's folder for the movie (by TMDB id,
/// else title and year), else the folder of the library file; translated by `path_mappings` (or
/// `radarr_root_path` in place of Radarr's root folder).
actor MovieFolders: MovieFolderLookup {
    let radarr: RadarrClient?
    let mapper: PathMapper
    private var rootFolders: [String]?

    init(radarr: RadarrClient?, mapper: PathMapper) {
        self.radarr = radarr
        self.mapper = mapper
    }

    /// Radarr's folder; when Radarr does not know the movie or cannot be reached, the folder of
    /// the library file (so a Radarr outage never sends a download to qBittorrent's default folder).
    func folder(for movie: LibraryMovie) async throws -> String? {
        if let radarr {
            do {
                if rootFolders == nil { rootFolders = try await radarr.rootFolders().compactMap(\.path) }
                let mapper = PathMapper(
                    mappings: self.mapper.mappings, radarrRootPath: self.mapper.radarrRootPath,
                    rootFolders: rootFolders ?? [])
                if let path = try await radarr.movieFolder(tmdbId: movie.tmdbId, title: movie.title, year: movie.year) {
                    return mapper.map(path)
                }
            } catch {
                guard movie.filePath != nil else { throw error }
            }
        }
        guard let file = movie.filePath, file.contains("/") else { return nil }
        return mapper.map(URL(fileURLWithPath: file).deletingLastPathComponent().path)
    }
}

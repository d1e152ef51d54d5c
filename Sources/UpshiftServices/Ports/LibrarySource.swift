import UpshiftCore

/// Where the library ("current quality" of every movie) comes from: Plex, else Radarr (SPEC §4).
public protocol LibrarySource: Sendable {
    /// A short name for logs and the summary: `Plex`, `Radarr`.
    var name: String { get }

    /// Every movie with the quality of its best copy. Throws when the source cannot be read at
    /// all; a single unreadable movie is skipped by the source.
    func scan() async throws -> [LibraryMovie]
}

/// Finds the folder a movie lives in, as the torrent client sees it: Radarr's folder for the
/// movie, translated by `path_mappings` / `radarr_root_path` (SPEC §6).
public protocol MovieFolderLookup: Sendable {
    /// The folder, or `nil` when the movie cannot be found.
    func folder(for movie: LibraryMovie) async throws -> String?
}

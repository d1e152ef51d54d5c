/// One `path_mappings` entry: a path prefix as Radarr sees it and the same place as qBittorrent
/// sees it (SPEC §6, §9).
public struct PathMapping: Sendable, Hashable, Codable {
    /// The prefix on Radarr's side, e.g. `/movies/`.
    public var from: String
    /// The prefix on qBittorrent's side, e.g. `/mnt/user/Media/Movies/`.
    public var to: String

    /// Creates a mapping.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

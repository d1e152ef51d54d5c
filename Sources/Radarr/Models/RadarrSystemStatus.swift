/// `GET /api/v3/system/status`: the cheap health and version check.
public struct RadarrSystemStatus: Sendable, Hashable, Decodable {
    /// `Radarr`.
    public var appName: String?
    /// The instance's name.
    public var instanceName: String?
    /// Version, `6.0.3.10276`.
    public var version: String?
    /// The URL base Radarr is served under, often empty.
    public var urlBase: String?
    /// Running in Docker.
    public var isDocker: Bool?
    /// Operating system.
    public var osName: String?
    /// Update branch.
    public var branch: String?
    /// Start time, ISO-8601.
    public var startTime: String?

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case appName, instanceName, version, urlBase, isDocker, osName, branch, startTime
    }
}

/// `GET /api/v3/rootfolder`: one of Radarr's root folders.
public struct RadarrRootFolder: Sendable, Hashable, Decodable {
    /// Root folder id.
    public var id: Int?
    /// The folder, as Radarr sees it (`/movies`).
    public var path: String?
    /// Radarr can reach it.
    public var accessible: Bool?
    /// Free bytes.
    public var freeSpace: Int64?

    /// Creates a root folder.
    public init(id: Int? = nil, path: String? = nil, accessible: Bool? = nil, freeSpace: Int64? = nil) {
        self.id = id
        self.path = path
        self.accessible = accessible
        self.freeSpace = freeSpace
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case id, path, accessible, freeSpace
    }
}

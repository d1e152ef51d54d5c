/// A library section (`/library/sections` → `Directory`).
public struct PlexSection: Sendable, Hashable, Decodable {
    /// Section id, `"1"` (a string in JSON; numbers are accepted).
    public var key: String?
    /// `movie`, `show`, `artist`, `photo`.
    public var type: String?
    /// The section's name.
    public var title: String?
    /// Metadata agent, `tv.plex.agents.movie`.
    public var agent: String?
    /// Folders the section scans, as the Plex server sees them.
    public var locations: [String]

    /// Creates a section.
    public init(key: String?, type: String?, title: String?, agent: String? = nil, locations: [String] = []) {
        self.key = key
        self.type = type
        self.title = title
        self.agent = agent
        self.locations = locations
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case key, type, title, agent
        case locations = "Location"
    }

    /// Decodes tolerantly (ids as strings or numbers).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = container.flexibleString(.key)
        type = container.flexibleString(.type)
        title = container.flexibleString(.title)
        agent = container.flexibleString(.agent)
        locations = container.flexibleArray(.locations, of: PlexLocation.self).compactMap(\.path)
    }

    /// True for a movie section.
    public var isMovieSection: Bool { type == "movie" }
}

/// `Location{id, path}` of a section.
private struct PlexLocation: Decodable {
    var path: String?

    enum CodingKeys: String, CodingKey {
        case path
    }

    init(from decoder: any Decoder) throws {
        path = try decoder.container(keyedBy: CodingKeys.self).flexibleString(.path)
    }
}

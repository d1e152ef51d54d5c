/// One movie (`Metadata`) from a section listing or from `/library/metadata/{ratingKey}`.
public struct PlexMetadata: Sendable, Hashable, Decodable {
    /// Plex's id for the item (a string in JSON; numbers are accepted).
    public var ratingKey: String?
    /// `movie`, `show`, …
    public var type: String?
    /// Title.
    public var title: String?
    /// Original-language title.
    public var originalTitle: String?
    /// Release year.
    public var year: Int?
    /// The agent id: `plex://movie/…`, or a legacy `com.plexapp.agents.imdb://tt…?lang=en`.
    public var guid: String?
    /// External ids, `imdb://tt15239678`, `tmdb://693134` (`Guid[].id`).
    public var guids: [String]
    /// One entry per version of the film (a 4K and a 1080p copy are two).
    public var media: [PlexMedia]

    /// Creates an item.
    public init(
        ratingKey: String?, type: String? = "movie", title: String?, originalTitle: String? = nil, year: Int?,
        guid: String? = nil, guids: [String] = [], media: [PlexMedia] = []
    ) {
        self.ratingKey = ratingKey
        self.type = type
        self.title = title
        self.originalTitle = originalTitle
        self.year = year
        self.guid = guid
        self.guids = guids
        self.media = media
    }

    /// The JSON names.
    enum CodingKeys: String, CodingKey {
        case ratingKey, type, title, originalTitle, year, guid
        case guids = "Guid"
        case media = "Media"
    }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ratingKey = container.flexibleString(.ratingKey)
        type = container.flexibleString(.type)
        title = container.flexibleString(.title)
        originalTitle = container.flexibleString(.originalTitle)
        year = container.flexibleInt(.year)
        guid = container.flexibleString(.guid)
        guids = container.flexibleArray(.guids, of: PlexGuid.self).compactMap(\.id)
        media = container.flexibleArray(.media)
    }
}

/// `Guid{id}`.
private struct PlexGuid: Decodable {
    var id: String?

    enum CodingKeys: String, CodingKey {
        case id
    }

    init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: CodingKeys.self).flexibleString(.id)
    }
}

/// The `{"MediaContainer": {…}}` envelope every Plex JSON reply has.
struct PlexEnvelope<Container: Decodable>: Decodable {
    var container: Container

    enum CodingKeys: String, CodingKey {
        case container = "MediaContainer"
    }
}

/// `MediaContainer` of `/library/sections`.
struct PlexSectionsContainer: Decodable {
    var directories: [PlexSection]

    enum CodingKeys: String, CodingKey {
        case directories = "Directory"
    }

    init(from decoder: any Decoder) throws {
        directories = try decoder.container(keyedBy: CodingKeys.self).flexibleArray(.directories)
    }
}

/// `MediaContainer` of a listing or of `/library/metadata/{ratingKey}`: items and paging attributes.
struct PlexMetadataContainer: Decodable {
    var metadata: [PlexMetadata]
    var size: Int?
    var totalSize: Int?
    var offset: Int?

    enum CodingKeys: String, CodingKey {
        case metadata = "Metadata"
        case size, totalSize, offset
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = container.flexibleArray(.metadata)
        size = container.flexibleInt(.size)
        totalSize = container.flexibleInt(.totalSize)
        offset = container.flexibleInt(.offset)
    }
}

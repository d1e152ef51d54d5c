import Foundation
import UpshiftSettings

/// One release announced by an RSS or Torznab feed (SPEC §6: title, link, size, category, date, guid).
///
/// The ``link`` and ``magnetURL`` carry credentials; they, and the ``feed``, print redacted in
/// `description`, `debugDescription`, `dump`/`Mirror` and `Codable`, so an item can be logged,
/// stored or shown as a whole. Only ``FeedClient/downloadTorrent(_:)`` reads `link.url`.
public struct FeedItem: Sendable, Hashable {
    /// The stable de-duplication key: the IPTorrents torrent id from `download.php/<id>/` when the
    /// link has one, else the item's `<guid>`, else its link (both without credential parameters).
    public var guid: String
    /// The release name, XML and HTML entities decoded (`Director's`, `&`).
    public var title: String
    /// The `.torrent` URL (the enclosure or `<link>`), or a magnet when the feed gives nothing else.
    public var link: PrivateURL
    /// The size in bytes: Torznab `size`, the enclosure length, `<size>`, or the IPTorrents description.
    public var sizeBytes: Int64?
    /// The category name: `Movie/4K` (IPTorrents), `Movies/UHD` (a Newznab id), or the feed's text.
    public var category: String?
    /// When the item was published (`<pubDate>`).
    public var publishedAt: Date?
    /// Seeders, when the feed says (Torznab).
    public var seeders: Int?
    /// The lower-case hex info-hash, when the feed says (Torznab).
    public var infoHash: String?
    /// The magnet link, when the feed gives one (Torznab `magneturl`); may hold announce passkeys.
    public var magnetURL: PrivateURL?
    /// The feed the item came from.
    public var feed: FeedURL

    /// Creates an item (the parser does this; stores and tests may too).
    public init(
        guid: String, title: String, link: PrivateURL, sizeBytes: Int64? = nil, category: String? = nil,
        publishedAt: Date? = nil, seeders: Int? = nil, infoHash: String? = nil, magnetURL: PrivateURL? = nil,
        feed: FeedURL
    ) {
        self.guid = guid
        self.title = title
        self.link = link
        self.sizeBytes = sizeBytes
        self.category = category
        self.publishedAt = publishedAt
        self.seeders = seeders
        self.infoHash = infoHash
        self.magnetURL = magnetURL
        self.feed = feed
    }
}

// MARK: - Printing

extension FeedItem: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `FeedItem(guid: 7123456, title: "…", link: https://…?torrent_pass=********, …)`.
    public var description: String {
        var parts = ["guid: \(guid)", "title: \(String(reflecting: title))", "link: \(link.redacted)"]
        if let sizeBytes { parts.append("sizeBytes: \(sizeBytes)") }
        if let category { parts.append("category: \(String(reflecting: category))") }
        if let publishedAt { parts.append("publishedAt: \(publishedAt)") }
        if let seeders { parts.append("seeders: \(seeders)") }
        if let infoHash { parts.append("infoHash: \(infoHash)") }
        if let magnetURL { parts.append("magnetURL: \(magnetURL.redacted)") }
        parts.append("feed: \(feed.redacted)")
        return "FeedItem(\(parts.joined(separator: ", ")))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// Children with the URLs as redacted strings.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "guid": guid, "title": title, "link": link.redacted, "sizeBytes": sizeBytes as Any,
                "category": category as Any, "publishedAt": publishedAt as Any, "seeders": seeders as Any,
                "infoHash": infoHash as Any, "magnetURL": magnetURL?.redacted as Any, "feed": feed.redacted,
            ],
            displayStyle: .struct
        )
    }
}

// MARK: - Coding

extension FeedItem: Codable {
    /// Wire names; ``link``, ``magnetURL`` and ``feed`` encode redacted.
    enum CodingKeys: String, CodingKey {
        case guid, title, link, category, seeders, feed
        case sizeBytes = "size_bytes"
        case publishedAt = "published_at"
        case infoHash = "info_hash"
        case magnetURL = "magnet_url"
    }
}

import Foundation
import UpshiftSettings

/// One item of a feed, as the services see it (SPEC §6).
public struct FeedEntry: Sendable, Hashable {
    /// Stable key, judged once: the tracker's torrent id, the feed's `<guid>`, else the link.
    public var guid: String
    /// The release name.
    public var title: String
    /// The `.torrent` link. It carries the passkey, and prints redacted.
    public var link: FeedURL?
    /// A magnet URI, when the feed gives one instead of (or besides) a link.
    public var magnet: String?
    /// Size in bytes, when the feed states it.
    public var sizeBytes: Int64?
    /// The tracker's category name.
    public var category: String?
    /// Publication date.
    public var publishedAt: Date?
    /// Seeders, when the feed states them (Torznab).
    public var seeders: Int?
    /// Which feed listed it, redacted.
    public var feed: String

    /// Creates an entry.
    public init(
        guid: String, title: String, link: FeedURL?, magnet: String? = nil, sizeBytes: Int64? = nil,
        category: String? = nil, publishedAt: Date? = nil, seeders: Int? = nil, feed: String
    ) {
        self.guid = guid
        self.title = title
        self.link = link
        self.magnet = magnet
        self.sizeBytes = sizeBytes
        self.category = category
        self.publishedAt = publishedAt
        self.seeders = seeders
        self.feed = feed
    }
}

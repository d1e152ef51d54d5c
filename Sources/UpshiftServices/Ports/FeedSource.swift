import Foundation
import UpshiftSettings

/// Reads tracker feeds and fetches the `.torrent` files they link to (SPEC §6).
///
/// The live implementation wraps the `TorrentFeed` client; tests use a loopback RSS server
/// through that same client, or a small fake.
public protocol FeedSource: Sendable {
    /// Every item the feed lists now, in feed order.
    func fetch(_ feed: FeedURL) async throws -> [FeedEntry]

    /// The `.torrent` file an entry links to. Throws when the link answers something that is not
    /// a torrent (an HTML login page, an error status).
    func downloadTorrent(_ entry: FeedEntry) async throws -> Data
}

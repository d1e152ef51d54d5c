import Foundation
import TorrentFeed
import UpshiftServices
import UpshiftSettings

/// The `FeedSource` port on the RSS / Torznab client.
struct FeedClientSource: FeedSource {
    let client: FeedClient

    func fetch(_ feed: FeedURL) async throws -> [FeedEntry] {
        try await client.fetch(feed).map { item in
            let http = item.link.isMagnet ? nil : FeedURL(string: item.link.url.absoluteString)
            let magnet = item.magnetURL?.url.absoluteString ?? (item.link.isMagnet ? item.link.url.absoluteString : nil)
            return FeedEntry(
                guid: item.guid, title: item.title, link: http, magnet: magnet, sizeBytes: item.sizeBytes,
                category: item.category, publishedAt: item.publishedAt, seeders: item.seeders, feed: item.feed.redacted)
        }
    }

    /// The `.torrent` behind the link; for a magnet-only item, the magnet URI itself (read by
    /// ``QBittorrentTorrentClient``).
    func downloadTorrent(_ entry: FeedEntry) async throws -> Data {
        guard let link = entry.link else {
            guard let magnet = entry.magnet else { throw PermanentTorrentError("The item has no link.") }
            return Data(magnet.utf8)
        }
        let feed = FeedURL(string: link.url.absoluteString) ?? link
        let item = FeedItem(guid: entry.guid, title: entry.title, link: PrivateURL(link.url), feed: feed)
        return try await client.downloadTorrent(item)
    }
}

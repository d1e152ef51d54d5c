import Foundation
import UpshiftServices
import UpshiftSettings

/// Feeds in memory: a test sets the entries of each feed and the torrent behind each guid.
public actor FakeFeedSource: FeedSource {
    private var entries: [FeedURL: [FeedEntry]] = [:]
    private var torrents: [String: Data] = [:]
    private var failing: Set<FeedURL> = []
    /// Number of fetches per feed.
    public private(set) var fetches: [FeedURL: Int] = [:]
    /// Number of torrent downloads.
    public private(set) var downloads = 0

    /// No feeds.
    public init() {}

    /// Sets the entries a feed lists.
    public func setEntries(_ list: [FeedEntry], for feed: FeedURL) { entries[feed] = list }

    /// Sets the torrent behind an entry's guid.
    public func setTorrent(_ data: Data, guid: String) { torrents[guid] = data }

    /// Makes an item's torrent unreachable (its download throws).
    public func removeTorrent(guid: String) { torrents[guid] = nil }

    /// Makes a feed fail (or work again).
    public func setFailing(_ feed: FeedURL, _ failing: Bool) {
        if failing { self.failing.insert(feed) } else { self.failing.remove(feed) }
    }

    public func fetch(_ feed: FeedURL) async throws -> [FeedEntry] {
        fetches[feed, default: 0] += 1
        if failing.contains(feed) { throw FakeError.down("feed \(feed)") }
        return entries[feed] ?? []
    }

    public func downloadTorrent(_ entry: FeedEntry) async throws -> Data {
        downloads += 1
        guard let data = torrents[entry.guid] else { throw FakeError.down("torrent \(entry.guid)") }
        return data
    }
}

import Foundation
import HTTPClientSupport
import UpshiftSettings

/// Reads RSS 2.0 feeds (IPTorrents) and Torznab/Newznab feeds (Prowlarr, Jackett) into ``FeedItem``s,
/// with Foundation's `XMLParser`. Pure: no I/O, usable on a saved document.
public enum FeedParser {
    /// The items of `data`, in document order. Items without a title or a usable link are left out.
    /// Throws a ``FeedError`` (`malformedXML` with the line, or `notAFeed`) naming `feed`, redacted.
    public static func parse(_ data: Data, feed: FeedURL) throws -> [FeedItem] {
        try read(data, feed: feed).items
    }

    /// The items and how many `<item>` elements were left out.
    static func read(_ data: Data, feed: FeedURL) throws -> (items: [FeedItem], skipped: Int) {
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw FeedError(kind: .notAFeed, url: feed.redacted, detail: "the body is empty")
        }
        var reader = RSSDocumentReader()
        if !reader.read(data) {
            // Strict first; one repair of stray `&` and HTML entities, then the first error stands.
            let repairedReader = RSSDocumentReader()
            guard let repaired = XMLRepair.repaired(data), repairedReader.read(repaired) else {
                let failure = reader.failure ?? (0, "unknown XML error")
                let redactor = LinkRedaction.redactor(for: [feed.url])
                throw FeedError(
                    kind: .malformedXML(line: failure.line), url: feed.redacted, detail: redactor(failure.message))
            }
            reader = repairedReader
        }
        guard reader.sawChannel else {
            throw FeedError(
                kind: .notAFeed, url: feed.redacted, detail: "the root element is <\(reader.rootElement ?? "")>")
        }
        let items = reader.items.compactMap { item(from: $0, feed: feed) }
        return (items, reader.items.count - items.count)
    }

    /// Interprets one raw item; `nil` without a title or a link.
    static func item(from raw: RawFeedItem, feed: FeedURL) -> FeedItem? {
        let title = HTMLEntities.decode(raw.title).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let magnet = raw.attributes["magneturl"]?.first.flatMap { FeedLink.url(from: HTMLEntities.decode($0)) }
        let enclosureIsTorrent = raw.enclosureType.isEmpty || raw.enclosureType.lowercased().contains("bittorrent")
        let candidates = [enclosureIsTorrent ? raw.enclosureURL : "", raw.link].filter { !$0.isEmpty }
        guard !title.isEmpty,
            let link = candidates.lazy.compactMap({ FeedLink.url(from: HTMLEntities.decode($0)) }).first ?? magnet
        else { return nil }

        let described = FeedDescription.parse(HTMLEntities.decode(raw.description))
        let guid = raw.guid.isEmpty ? nil : LinkRedaction.guid(from: HTMLEntities.decode(raw.guid))
        let infoHash = raw.attributes["infohash"]?.first?.lowercased().trimmingCharacters(in: .whitespaces)
        let enclosureLength = Int64(raw.enclosureLength).flatMap { $0 > 0 ? $0 : nil }
        let size =
            raw.attributes["size"]?.first.flatMap { Int64($0) } ?? enclosureLength ?? Int64(raw.size)
            ?? described.sizeBytes
        let category =
            described.category ?? NewznabCategory.name(for: raw.categories)
            ?? NewznabCategory.name(for: raw.attributes["category"] ?? [])

        return FeedItem(
            guid: FeedLink.iptorrentsID(in: link) ?? guid ?? LinkRedaction.guid(from: link.absoluteString),
            title: title,
            link: PrivateURL(link),
            sizeBytes: size,
            category: category.map(HTMLEntities.decode),
            publishedAt: FeedDate.parse(raw.pubDate),
            seeders: raw.attributes["seeders"]?.first.flatMap { Int($0) },
            infoHash: infoHash?.isEmpty == false ? infoHash : nil,
            magnetURL: magnet.map(PrivateURL.init),
            feed: feed
        )
    }
}

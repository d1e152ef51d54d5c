import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

/// Fetches RSS/Torznab feeds and the `.torrent` files they link to (SPEC §6).
///
/// Every request has a deadline and a body cap; every URL that reaches a log line or an error has
/// its passkey (`tp=`, `torrent_pass=`) and API key (`apikey=`) masked. The daemon remembers guids
/// and backs off; this client only makes one request per call.
public struct FeedClient: Sendable {
    /// The shared AsyncHTTPClient.
    public let httpClient: HTTPClient
    /// Where calls are logged (`debug` per fetch, metadata `feed.*`).
    public let logger: Logger
    /// Deadline of one whole request.
    public let timeout: Duration
    /// Largest feed document read.
    public let maxFeedBytes: Int
    /// Largest `.torrent` file read.
    public let maxTorrentBytes: Int

    /// Creates a client. Defaults: 30 s per request, feeds up to 8 MiB, torrents up to 16 MiB.
    public init(
        httpClient: HTTPClient, logger: Logger, timeout: Duration = .seconds(30), maxFeedBytes: Int = 8 << 20,
        maxTorrentBytes: Int = 16 << 20
    ) {
        self.httpClient = httpClient
        self.logger = logger
        self.timeout = timeout
        self.maxFeedBytes = maxFeedBytes
        self.maxTorrentBytes = maxTorrentBytes
    }

    /// Downloads `feed` and parses its items (see ``FeedParser``).
    /// - Throws: ``FeedError``: `status`, `timeout`, `unreachable`, `tooLarge`, `malformedXML`, `notAFeed`.
    public func fetch(_ feed: FeedURL) async throws -> [FeedItem] {
        let caller = caller(for: [feed.url], maxBodyBytes: maxFeedBytes)
        var request = HTTPClientRequest(url: feed.url.absoluteString)
        request.headers.add(
            name: "Accept", value: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
        request.headers.add(name: "User-Agent", value: "Upshift")
        do {
            let reply = try await send(request, caller: caller, url: feed.redacted)
            let (items, skipped) = try FeedParser.read(reply.body, feed: feed)
            logger.debug(
                "Feed fetched",
                metadata: [
                    "feed.url": "\(feed.redacted)", "feed.items": "\(items.count)", "feed.skipped": "\(skipped)",
                ]
            )
            return items
        } catch let error as FeedError {
            logger.warning("Feed fetch failed", metadata: ["feed.url": "\(feed.redacted)", "error": "\(error)"])
            throw error
        }
    }

    /// Downloads the item's `.torrent` file and checks that it is one (a bencoded dictionary).
    /// - Throws: ``FeedError``: `notATorrent` for an HTML login or Cloudflare page, `notDownloadable`
    ///   for a magnet link, and the transport kinds (`status`, `timeout`, `unreachable`, `tooLarge`).
    public func downloadTorrent(_ item: FeedItem) async throws -> Data {
        let url = item.link.redacted
        do {
            guard !item.link.isMagnet else {
                throw FeedError(kind: .notDownloadable, url: url, detail: "a magnet has no .torrent file to fetch")
            }
            let caller = caller(for: [item.link.url, item.feed.url], maxBodyBytes: maxTorrentBytes)
            var request = HTTPClientRequest(url: item.link.url.absoluteString)
            request.headers.add(name: "Accept", value: "application/x-bittorrent, */*;q=0.1")
            request.headers.add(name: "User-Agent", value: "Upshift")
            let reply = try await send(request, caller: caller, url: url)
            guard TorrentSniffer.isBencodedDictionary(reply.body) else {
                let detail = TorrentSniffer.describe(reply.body, contentType: reply.header("Content-Type"))
                throw FeedError(kind: .notATorrent, url: url, detail: caller.redactor(detail))
            }
            logger.debug(
                "Torrent downloaded",
                metadata: ["release.guid": "\(item.guid)", "torrent.bytes": "\(reply.body.count)"]
            )
            return reply.body
        } catch let error as FeedError {
            logger.warning(
                "Torrent download failed", metadata: ["release.guid": "\(item.guid)", "error": "\(error)"]
            )
            throw error
        }
    }

    // MARK: - Private

    /// A caller whose redactor masks the credentials of `urls` wherever they appear.
    private func caller(for urls: [URL], maxBodyBytes: Int) -> HTTPCaller {
        HTTPCaller(
            client: httpClient, service: "feed", redactor: LinkRedaction.redactor(for: urls), timeout: timeout,
            maxBodyBytes: maxBodyBytes, logger: logger
        )
    }

    /// Sends `request`; a transport failure or a non-2xx status becomes a ``FeedError``.
    private func send(_ request: HTTPClientRequest, caller: HTTPCaller, url: String) async throws -> HTTPReply {
        do {
            return try caller.requireSuccess(try await caller.send(request))
        } catch let error as HTTPCallError {
            // A cancelled task (graceful shutdown) is not a feed failure.
            try Task.checkCancellation()
            throw FeedError(error, url: url)
        }
    }
}

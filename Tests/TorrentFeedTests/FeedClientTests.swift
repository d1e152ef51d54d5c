import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
import TorrentFeed
import UpshiftSettings
import UpshiftTestSupport

/// The client against a fake tracker on loopback: feeds, failures, downloads, and no passkey in
/// any log line or error.
@Suite struct FeedClientTests {
    static let secrets = [FeedFixtures.passkey, FeedFixtures.apiKey, FeedFixtures.announcePasskey]

    /// The fake tracker. Download ids: 7123456 → a torrent, 7123440 → the login page, 7123391 → 404.
    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/t.rss") { request, _ in Self.xml(FeedFixtures.iptorrents, request) }
        router.get("/old.rss") { request, _ in Self.xml(FeedFixtures.olderFormat, request) }
        router.get("/1/api") { request, _ in Self.xml(FeedFixtures.torznab, request) }
        router.get("/empty.rss") { request, _ in Self.xml(FeedFixtures.emptyChannel, request) }
        router.get("/broken.rss") { request, _ in Self.xml(FeedFixtures.malformed, request) }
        router.get("/error.rss") { request, _ in
            Self.xml("Internal error for passkey \(FeedFixtures.passkey)", request, status: .internalServerError)
        }
        router.get("/login.rss") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html"],
                body: .init(byteBuffer: ByteBuffer(string: FeedFixtures.loginPage))
            )
        }
        router.get("/slow.rss") { request, _ -> Response in
            try await Task.sleep(for: .seconds(1))
            return Self.xml(FeedFixtures.emptyChannel, request)
        }
        router.get("/big.rss") { request, _ in
            Self.xml(FeedFixtures.iptorrents + String(repeating: "<!-- padding -->\n", count: 2000), request)
        }
        router.get("/download.php/:id/:name") { request, context -> Response in
            switch context.parameters.get("id") {
            case "7123456": return torrentResponse()
            case "7123440":
                return Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: FeedFixtures.loginPage))
                )
            default: return Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: "Not Found")))
            }
        }
        router.get("/1/download") { _, _ in torrentResponse() }
        return router
    }

    /// `document` as an RSS reply, with `BASE` replaced by the server's own address.
    @Sendable static func xml(_ document: String, _ request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let base = "http://\(request.head.authority ?? "127.0.0.1")"
        return Response(
            status: status, headers: [.contentType: "application/rss+xml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: FeedFixtures.filled(document, base: base)))
        )
    }

    static func torrentResponse() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/x-bittorrent"],
            body: .init(byteBuffer: ByteBuffer(string: FeedFixtures.torrent))
        )
    }

    static func client(_ capture: LogCapture, timeout: Duration = .seconds(5), maxFeedBytes: Int = 1 << 20)
        -> FeedClient
    {
        FeedClient(
            httpClient: .shared, logger: capture.logger, timeout: timeout, maxFeedBytes: maxFeedBytes,
            maxTorrentBytes: 1 << 20
        )
    }

    static func feed(_ base: String, _ path: String) -> FeedURL {
        FeedURL(string: "\(base)\(path)?u=1234567;tp=\(FeedFixtures.passkey);101;100;download")!
    }

    /// Runs `body` and returns the ``FeedError`` it throws (failing the test otherwise).
    static func feedError(_ body: () async throws -> Void) async -> FeedError? {
        do {
            try await body()
            Issue.record("expected a FeedError")
        } catch let error as FeedError {
            return error
        } catch {
            Issue.record("expected a FeedError, got \(error)")
        }
        return nil
    }

    static func expectNoSecret(in texts: [String]) {
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "secret leaked in: \(text)") }
        }
    }

    @Test func fetchesIPTorrentsOlderFormatAndTorznabFeeds() async throws {
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router()) { base in
            let client = Self.client(capture)
            let items = try await client.fetch(Self.feed(base, "/t.rss"))
            #expect(items.map(\.guid) == ["7123456", "7123440", "7123391"])
            #expect(items[1].title.contains("Director's"))
            let older = try await client.fetch(Self.feed(base, "/old.rss"))
            #expect(older.map(\.sizeBytes) == [1_471_026_299, 583_008_256])
            let torznab = try await client.fetch(
                FeedURL(string: "\(base)/1/api?t=search&cat=2045&apikey=\(FeedFixtures.apiKey)")!)
            #expect(torznab.first?.seeders == 42 && torznab.first?.infoHash != nil)
            #expect(try await client.fetch(Self.feed(base, "/empty.rss")).isEmpty)
        }
        #expect(capture.text.contains("Feed fetched"))
        Self.expectNoSecret(in: [capture.text])
    }

    @Test func downloadsATorrentAndRefusesAnHTMLPage() async throws {
        let capture = LogCapture()
        let errors = try await LoopbackServer.with(Self.router()) { base in
            let client = Self.client(capture)
            let items = try await client.fetch(Self.feed(base, "/t.rss"))
            let torrent = try await client.downloadTorrent(items[0])
            #expect(torrent == Data(FeedFixtures.torrent.utf8))

            let login = await Self.feedError { _ = try await client.downloadTorrent(items[1]) }
            #expect(login?.kind == .notATorrent)
            #expect(login?.detail.contains("an HTML login page, Content-Type text/html") == true)
            let missing = await Self.feedError { _ = try await client.downloadTorrent(items[2]) }
            #expect(missing?.kind == .status(404))
            #expect(missing?.status == 404)

            let torznab = try await client.fetch(
                FeedURL(string: "\(base)/1/api?t=search&apikey=\(FeedFixtures.apiKey)")!)
            #expect(try await client.downloadTorrent(torznab[0]) == Data(FeedFixtures.torrent.utf8))
            var magnetOnly = torznab[0]
            magnetOnly.link = try #require(magnetOnly.magnetURL)
            let magnet = await Self.feedError { _ = try await client.downloadTorrent(magnetOnly) }
            #expect(magnet?.kind == .notDownloadable)
            return [login, missing, magnet].compactMap { $0 }
        }
        #expect(errors.count == 3)
        #expect(capture.text.contains("Torrent download failed"))
        Self.expectNoSecret(in: [capture.text] + errors.map(\.description))
    }

    @Test func failuresAreTypedAndRedacted() async throws {
        let capture = LogCapture()
        var errors = try await LoopbackServer.with(Self.router()) { base in
            let client = Self.client(capture)
            let server = await Self.feedError { _ = try await client.fetch(Self.feed(base, "/error.rss")) }
            #expect(server?.kind == .status(500))
            #expect(server?.detail.contains("Internal error for passkey") == true)

            let broken = await Self.feedError { _ = try await client.fetch(Self.feed(base, "/broken.rss")) }
            if case .malformedXML(let line)? = broken?.kind {
                #expect(line > 0)
            } else {
                Issue.record("expected malformedXML, got \(String(describing: broken))")
            }
            #expect(broken?.description.contains("/broken.rss?u=1234567;tp=********;101;100;download") == true)

            let login = await Self.feedError { _ = try await client.fetch(Self.feed(base, "/login.rss")) }
            #expect(login?.kind == .notAFeed || login?.kind == .malformedXML(line: 4))

            let slow = await Self.feedError {
                _ = try await Self.client(capture, timeout: .milliseconds(300)).fetch(Self.feed(base, "/slow.rss"))
            }
            #expect(slow?.kind == .timeout)

            let big = await Self.feedError {
                _ = try await Self.client(capture, maxFeedBytes: 4096).fetch(Self.feed(base, "/big.rss"))
            }
            #expect(big?.kind == .tooLarge(limit: 4096))
            return [server, broken, login, slow, big].compactMap { $0 }
        }
        let down = try await LoopbackServer.unusedBaseURL()
        let refused = await Self.feedError { _ = try await Self.client(capture).fetch(Self.feed(down, "/t.rss")) }
        #expect(refused?.kind == .unreachable)
        errors += [refused].compactMap { $0 }

        #expect(errors.count == 6)
        #expect(capture.text.contains("Feed fetch failed"))
        Self.expectNoSecret(in: [capture.text] + errors.map(\.description) + errors.map { String(reflecting: $0) })
    }
}

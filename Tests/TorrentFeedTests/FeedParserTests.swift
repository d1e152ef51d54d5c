import Foundation
import Testing
import UpshiftSettings

@testable import TorrentFeed

/// Parsing of saved documents: the IPTorrents forms, Torznab, entities, dates and the failures.
@Suite struct FeedParserTests {
    static let feed = FeedURL(
        string: "https://iptorrents.com/t.rss?u=1234567;tp=\(FeedFixtures.passkey);101;100;download"
    )!

    static func parse(_ document: String, base: String = "https://iptorrents.com") throws -> [FeedItem] {
        try FeedParser.parse(Data(FeedFixtures.filled(document, base: base).utf8), feed: feed)
    }

    @Test func readsTheReferenceExample() throws {
        let items = try Self.parse(FeedFixtures.iptorrents)
        #expect(items.map(\.guid) == ["7123456", "7123440", "7123391"])
        #expect(items[0].title == "Dune Part Two 2024 2160p UHD BluRay REMUX DV HDR10 HEVC TrueHD 7 1 Atmos-GRP")
        #expect(items.map(\.sizeBytes) == [78_222_091_878, 22_978_075_034, 2_480_343_613])
        #expect(items.map(\.category) == ["Movie/4K", "Movie/4K", "Movie/x265"])
        #expect(items[0].publishedAt == Date(timeIntervalSince1970: 1_795_552_867))
        #expect(items[0].seeders == nil && items[0].infoHash == nil && items[0].magnetURL == nil)
        #expect(items[0].feed == Self.feed)
        #expect(items[0].link.url.absoluteString.hasSuffix("Atmos-GRP.torrent?torrent_pass=\(FeedFixtures.passkey)"))
    }

    @Test func decodesEntitiesAndEncodesUnsafeLinkCharacters() throws {
        let heat = try Self.parse(FeedFixtures.iptorrents)[1]
        #expect(heat.title.contains("Director's Definitive"))
        #expect(heat.link.url.absoluteString.contains("/download.php/7123440/Heat.1995.Director%27s.Definitive"))

        let items = try Self.parse(FeedFixtures.entities)
        #expect(
            items.map(\.title) == [
                "Fast & Furious 2009 2160p WEB-DL DV-GRP", "Schindler's List 1993 2160p UHD BluRay REMUX-GRP",
                "Amélie 2001 1080p <Remastered>",
            ])
        #expect(items[0].link.url.path.hasSuffix("Fast & Furious 2009.torrent"))
        #expect(items[0].link.url.absoluteString.contains("Fast%20&%20Furious%202009.torrent?torrent_pass="))
        #expect(items[0].sizeBytes == 10_737_418_240)
        #expect(items[1].link.url.absoluteString.contains("Schindler%27s.List.torrent"))
        #expect(items[2].guid == "other-9")
        #expect(items[2].link.url.absoluteString == "https://other.example/get/abc?id=9")
    }

    @Test func repairsStrayAmpersandsAndHTMLEntities() throws {
        let items = try Self.parse(FeedFixtures.sloppy)
        try #require(items.count == 1)
        #expect(items[0].title == "Fast & Furious 2009 2160p WEB-DL édition &unknown; R&D")
        #expect(items[0].guid == "900")
        #expect(items[0].link.url.query == "a=1&torrent_pass=\(FeedFixtures.passkey)")
        #expect(items[0].category == "Movie/4K & more")
        #expect(items[0].sizeBytes == 4_294_967_296)
    }

    @Test func readsTheOlderDescriptionFormatAndDateVariants() throws {
        let items = try Self.parse(FeedFixtures.olderFormat)
        #expect(items.map(\.guid) == ["1234", "1235"])
        // Radarr's test expects 1.37 GB → 1471026299 bytes (binary units).
        #expect(items.map(\.sizeBytes) == [1_471_026_299, 583_008_256])
        #expect(items.map(\.category) == ["TV/x264", "TV/x264"])
        #expect(items[0].publishedAt == Date(timeIntervalSince1970: 1_399_921_594))
        #expect(items[1].publishedAt == Date(timeIntervalSince1970: 1_399_921_594))
    }

    @Test(arguments: [
        "Tue, 24 Nov 2026 20:41:07 +0000", "24 Nov 2026 20:41:07 GMT", "Tue, 24 Nov 26 20:41:07 +0000",
        "Tue, 24 Nov 2026 21:41:07 +0100", "Tue, 24 Nov 2026 15:41:07 EST", "tuesday, 24 november 2026 20:41:07 UT",
        "Tue, 24 Nov 2026 22:41:07 +02:00", "2026-11-24T20:41:07Z",
    ])
    func toleratesDateForms(_ text: String) {
        #expect(FeedDate.parse(text) == Date(timeIntervalSince1970: 1_795_552_867))
    }

    @Test func rejectsUnreadableDates() {
        #expect(FeedDate.parse("") == nil)
        #expect(FeedDate.parse("yesterday") == nil)
        #expect(FeedDate.parse("Tue, 24 Foo 2026 20:41:07 +0000") == nil)
        #expect(FeedDate.parse("Tue, 24 Nov 2026 25:41:07 +0000") == nil)
    }

    @Test func readsTorznabAttributes() throws {
        let items = try Self.parse(FeedFixtures.torznab, base: "http://127.0.0.1:9696")
        #expect(items.count == 2)
        let item = items[0]
        #expect(item.guid == "https://tracker.example/torrents/98765")
        #expect(item.title == "Oppenheimer 2023 2160p UHD BluRay REMUX DV HDR HEVC TrueHD Atmos 7.1-GRP")
        #expect(item.sizeBytes == 85_899_345_920)
        #expect(item.seeders == 42)
        #expect(item.infoHash == "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")
        #expect(item.category == "Movies/UHD")
        #expect(item.publishedAt == Date(timeIntervalSince1970: 1_794_651_751))
        #expect(
            item.link.url.absoluteString.hasPrefix(
                "http://127.0.0.1:9696/1/download?apikey=\(FeedFixtures.apiKey)&link="))
        #expect(item.magnetURL?.url.absoluteString.contains("tr=https%3A%2F%2Ftracker.example") == true)
        // The enclosure length counts when there is no size attribute.
        #expect(items[1].sizeBytes == 9_663_676_416)
        #expect(items[1].seeders == 0)
        #expect(items[1].category == "Movies/HD")
    }

    /// Trackers that put the passkey in the path (`/rss/download/<passkey>/<id>`) must not have it
    /// stored or shown through the guid; two items still get two guids.
    @Test func keyLikePathSegmentsOfGuidsAreMasked() throws {
        let key = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
        let document = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>Heat 1995 2160p UHD BluRay-GRP</title><link>https://t.test/dl/\(key)/101.torrent</link>
            <guid>https://t.test/rss/\(key)/101</guid></item>
            <item><title>Alien 1979 2160p UHD BluRay-GRP</title><link>https://t.test/dl/\(key)/102.torrent</link>
            <guid>https://t.test/rss/\(key)/102</guid></item>
            <item><title>Dune 2021 2160p UHD BluRay-GRP</title><link>https://t.test/dl/\(key)/103.torrent</link></item>
            </channel></rss>
            """
        let items = try FeedParser.parse(Data(document.utf8), feed: Self.feed)
        #expect(items.count == 3)
        #expect(items.allSatisfy { !$0.guid.contains(key) })
        #expect(Set(items.map(\.guid)).count == 3)
        #expect(items[0].guid.hasPrefix("https://t.test/rss/********"))
        #expect(items[0].guid.hasSuffix("/101"))
    }

    @Test func emptyChannelHasNoItems() throws {
        #expect(try Self.parse(FeedFixtures.emptyChannel).isEmpty)
    }

    @Test func malformedXMLNamesTheFeedAndLine() throws {
        let error = try #require(throws: FeedError.self) { try Self.parse(FeedFixtures.malformed) }
        guard case .malformedXML(let line) = error.kind else {
            Issue.record("expected malformedXML, got \(error)")
            return
        }
        #expect((6...7).contains(line))
        #expect(error.detail.hasPrefix("a closing tag does not match its opening tag"))
        #expect(error.description.contains("iptorrents.com/t.rss?u=1234567;tp=********"))
        #expect(error.description.contains("line \(line)"))
        #expect(!error.description.contains(FeedFixtures.passkey))
    }

    @Test func wellFormedHTMLAndEmptyBodiesAreNotFeeds() throws {
        for document in [FeedFixtures.xhtml, "", " \n"] {
            let error = try #require(throws: FeedError.self) { try Self.parse(document) }
            #expect(error.kind == .notAFeed)
            #expect(!error.description.contains(FeedFixtures.passkey))
        }
        let text = try #require(throws: FeedError.self) { try Self.parse("Service unavailable") }
        #expect(text.kind == .malformedXML(line: 1))
    }

    @Test func printedFormsRedactThePasskey() throws {
        let items =
            try Self.parse(FeedFixtures.iptorrents) + Self.parse(FeedFixtures.torznab, base: "http://127.0.0.1:9696")
        let secrets = [FeedFixtures.passkey, FeedFixtures.apiKey, FeedFixtures.announcePasskey]
        for item in items {
            var dumped = ""
            dump(item, to: &dumped)
            let mirrored = Mirror(reflecting: item).children.map { "\($0.value)" }.joined(separator: " ")
            let encoded = String(decoding: try JSONEncoder().encode(item), as: UTF8.self)
            for text in [String(describing: item), String(reflecting: item), dumped, mirrored, encoded, "\(item.link)"]
            {
                for secret in secrets { #expect(!text.contains(secret), "\(secret) in \(text)") }
            }
            #expect(
                String(describing: item).contains("?torrent_pass=********")
                    || String(describing: item).contains("?apikey=********"))
        }
        let magnet = try #require(items.last { $0.magnetURL != nil }?.magnetURL)
        #expect(magnet.redacted.hasPrefix("magnet:?xt=urn:btih:0A1B2C3D4E5F60718293A4B5C6D7E8F901234567&dn="))
        #expect(magnet.redacted.hasSuffix("&tr=********"))
    }

    @Test func dedupeKeysCarryNoCredentials() {
        #expect(
            LinkRedaction.strippingCredentials("https://t.example/x?id=5&apikey=abc&passkey=def")
                == "https://t.example/x?id=5")
        #expect(
            LinkRedaction.strippingCredentials("https://t.example/x?tp=abc;5;download")
                == "https://t.example/x?5;download")
        #expect(
            LinkRedaction.strippingCredentials("magnet:?xt=urn:btih:ABC&dn=x&tr=http%3A%2F%2Fa%3Fpasskey%3D1")
                == "magnet:?xt=urn:btih:ABC")
    }

    /// One list of credential names for settings URLs and feed links: `pwd` was only on the settings
    /// side, so a feed link's `pwd=` used to survive in a dedupe key.
    @Test(arguments: CredentialParameter.names.sorted())
    func everyCredentialNameIsStrippedFromDedupeKeys(name: String) {
        for written in [name, name.uppercased()] {
            let key = LinkRedaction.strippingCredentials("https://t.example/x?id=5&\(written)=abc")
            #expect(key == "https://t.example/x?id=5")
        }
    }
}

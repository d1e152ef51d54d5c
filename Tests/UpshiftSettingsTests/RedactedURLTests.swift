import Foundation
import Testing

@testable import UpshiftSettings

@Suite struct RedactedURLTests {
    @Test(arguments: [
        (
            "https://iptorrents.com/t.rss?u=1234567;tp=0f1e2d3c4b5a69788796a5b4c3d2e1f0;48;89;download",
            "https://iptorrents.com/t.rss?u=1234567;tp=********;48;89;download"
        ),
        ("https://tracker.example/rss?passkey=abc123&cat=1", "https://tracker.example/rss?passkey=********&cat=1"),
        ("https://prowlarr.lan/1/api?apikey=short&t=movie", "https://prowlarr.lan/1/api?apikey=********&t=movie"),
        ("https://rss.torrentleech.org/a1b2c3d4e5f6a7b8c9d0", "https://rss.torrentleech.org/********"),
        (
            "https://tracker.example/rss/download?id=5&key2=a1b2c3d4e5f6a7b8c9d0",
            "https://tracker.example/rss/download?id=5&key2=********"
        ),
        ("http://admin:adminadmin@10.0.0.63:8080/", "http://admin:********@10.0.0.63:8080/"),
        (
            "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getUpdates",
            "https://api.telegram.org/********/getUpdates"
        ),
        ("http://plex.lan:32400/library?X-Plex-Token=abcDEF", "http://plex.lan:32400/library?X-Plex-Token=********"),
        ("http://10.0.0.35:7878", "http://10.0.0.35:7878"),
        ("https://tracker.example/rss?passkey=", "https://tracker.example/rss?passkey="),
        ("https://tracker.example/movies-2160p/rss", "https://tracker.example/movies-2160p/rss"),
        ("", ""),
        ("not a url at all", "not a url at all"),
        ("radarr.lan:7878", "radarr.lan:7878"),
        ("htps://admin:pw@qbit.lan/x?passkey=abc y", "htps://********@qbit.lan/x?passkey=******** y"),
        ("htps://tracker.example/a1b2c3d4e5f6a7b8c9d0 /rss", "htps://tracker.example/******** /rss"),
    ])
    func redacts(input: String, expected: String) {
        #expect(redactedURL(input) == expected)
    }

    @Test func urlOverloadMatchesTheStringOne() throws {
        let url = try #require(URL(string: "https://tracker.example/rss?passkey=abc"))
        #expect(redactedURL(url) == "https://tracker.example/rss?passkey=********")
    }

    /// One list with the feed client: names it caught by pattern (`jackett_apikey`, `my_token`,
    /// `torrent_passkey`) are masked here too, even when the value is too short to look like a key.
    @Test(arguments: ["jackett_apikey", "my_token", "torrent_passkey", "Private_Key", "user%5Fpass"])
    func patternNamesAreMasked(name: String) {
        #expect(redactedURL("https://t.example/x?id=5&\(name)=abc") == "https://t.example/x?id=5&\(name)=********")
    }

    @Test(arguments: CredentialParameter.names.sorted())
    func everyListedNameIsMasked(name: String) {
        #expect(redactedURL("https://t.example/x?\(name)=abc;5") == "https://t.example/x?\(name)=********;5")
        #expect(CredentialParameter.isCredential(name.uppercased()))
    }

    @Test(arguments: ["id", "cat", "u", "t", "q", "download", "keyword", "sort"])
    func ordinaryNamesAreKept(name: String) {
        #expect(!CredentialParameter.isCredential(name))
        #expect(redactedURL("https://t.example/x?\(name)=abc") == "https://t.example/x?\(name)=abc")
    }
}

import Foundation
import Testing

@testable import UpshiftSettings

/// Everything a value can be printed as.
private func everyPrintedForm(of value: some Any) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return [String(describing: value), String(reflecting: value), "\(value)", dumped]
        + Mirror(reflecting: value).children.map { String(describing: $0.value) }
}

@Suite struct SecretTests {
    @Test func secretNeverPrintsItsValue() throws {
        let secret = Secret(distinctiveSecret)
        for form in everyPrintedForm(of: secret) {
            #expect(!form.contains(distinctiveSecret))
        }
        #expect(secret.description == "********")
        #expect(secret.debugDescription == "********")
        let encoded = String(decoding: try JSONEncoder().encode([secret]), as: UTF8.self)
        #expect(encoded == #"["********"]"#)
        #expect(secret.exposedValue == distinctiveSecret)
    }

    @Test func unsetSecretPrintsEmpty() throws {
        let secret = Secret()
        #expect(!secret.isSet)
        #expect(secret.description.isEmpty)
        #expect(String(decoding: try JSONEncoder().encode([secret]), as: UTF8.self) == #"[""]"#)
    }

    @Test func secretsInSettingsNeverPrint() throws {
        var settings = Settings()
        settings.qbittorrentPassword = Secret(distinctiveSecret)
        settings.radarrAPIKey = Secret(distinctiveSecret)
        settings.telegramBotToken = Secret(distinctiveSecret)
        settings.plexToken = Secret(distinctiveSecret)
        settings.webAPIKey = Secret(distinctiveSecret)
        settings.iptFeedURLs = [try #require(FeedURL(string: iptFeedURL))]
        let encoded = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        for form in everyPrintedForm(of: settings) + [encoded] {
            #expect(!form.contains(distinctiveSecret))
            #expect(!form.contains(distinctivePasskey))
        }
        #expect(encoded.contains("********"))
    }

    @Test func feedURLPrintsRedactedButKeepsTheURL() throws {
        let feed = try #require(FeedURL(string: iptFeedURL))
        for form in everyPrintedForm(of: feed) {
            #expect(!form.contains(distinctivePasskey))
        }
        #expect(feed.description == "https://iptorrents.com/t.rss?u=1234567;tp=********;48;89;download")
        #expect(feed.url.absoluteString == iptFeedURL)
        let encoded = String(decoding: try JSONEncoder().encode([feed]), as: UTF8.self)
        #expect(!encoded.contains(distinctivePasskey))
    }

    @Test func errorsNeverContainSecrets() async throws {
        try await withTemporaryDirectory { directory in
            let text = """
                {"radarr_api_key": "\(distinctiveSecret)", "plex_token": 4242424242, "web_port": "x",
                 "ipt_feed_urls": ["htps://iptorrents.com/t.rss?tp=\(distinctivePasskey)"],
                 "radarr_url": "http://radarr.lan:7878/api?apikey=\(distinctivePasskey) x"}
                """
            let path = try writeSettings(text, in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: ["UPSHIFT_TELEGRAM_BOT_TOKEN": distinctiveSecret])
            }
            #expect(error.problems.count == 4)
            for form in everyPrintedForm(of: error) {
                #expect(!form.contains(distinctiveSecret))
                #expect(!form.contains(distinctivePasskey))
                #expect(!form.contains("4242424242"))
            }
        }
    }
}

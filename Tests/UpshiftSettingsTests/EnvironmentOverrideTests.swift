import Foundation
import Testing
import UpshiftCore

@testable import UpshiftSettings

@Suite struct EnvironmentOverrideTests {
    @Test func environmentWinsOverTheFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(felScannerExample, in: directory)
            let loaded = try SettingsLoader.load(
                path: path,
                environment: [
                    "UPSHIFT_QBITTORRENT_PORT": "9091",
                    "UPSHIFT_QBITTORRENT_HOST": "http://qbit.lan",
                    "UPSHIFT_NOTIFY_FEL": "false",
                    "UPSHIFT_QBIT_SEQUENTIAL_DOWNLOAD": "0",
                    "UPSHIFT_MAX_SIZE_GB": "75.5",
                    "UPSHIFT_RADARR_API_KEY": distinctiveSecret,
                ])
            let settings = loaded.settings
            #expect(settings.qbittorrentPort == 9091)
            #expect(settings.qbittorrentBaseURL?.absoluteString == "http://qbit.lan:9091")
            #expect(!settings.ruleSettings.notifyFEL)
            #expect(!settings.qbitSequentialDownload)
            #expect(settings.ruleSettings.maxSizeGB == 75.5)
            #expect(settings.radarrAPIKey.exposedValue == distinctiveSecret)
            #expect(settings.qbittorrentCategory == "movies-fel")
        }
    }

    @Test func environmentAloneWorksWithoutAFile() throws {
        let loaded = try SettingsLoader.load(
            path: "/nonexistent-\(UUID().uuidString).json",
            environment: [
                "UPSHIFT_WEB_PORT": "9000", "UPSHIFT_IPT_ENABLED": "TRUE",
            ])
        #expect(loaded.settings.webPort == 9000)
        #expect(loaded.settings.iptEnabled)
    }

    @Test(arguments: [
        ("UPSHIFT_QBITTORRENT_PORT", "eighty", "qbittorrent_port", "must be an integer, got \"eighty\""),
        ("UPSHIFT_WEB_PORT", "0", "web_port", "must be between 1 and 65535, got 0"),
        ("UPSHIFT_NOTIFY_DV", "maybe", "notify_dv", "must be true, false, 1 or 0, got \"maybe\""),
        ("UPSHIFT_MAX_SIZE_GB", "lots", "max_size_gb", "must be a number, got \"lots\""),
        (
            "UPSHIFT_AUTO_APPROVE", "fel,always", "auto_approve[1]",
            "must be one of fel, dv, atmos, resolution, got \"always\""
        ),
        ("UPSHIFT_PATH_MAPPINGS", "/movies", "path_mappings", "entries must be written FROM=TO, got \"/movies\""),
        (
            "UPSHIFT_IPT_FEED_URLS", "[\"https://a.example/rss\", 5]", "ipt_feed_urls[1]",
            "must be a string, got integer"
        ),
        ("UPSHIFT_RADARR_URL", "radarr:7878", "radarr_url", "must be an http or https URL, got \"radarr:7878\""),
    ])
    func badVariableIsNamed(variable: String, value: String, key: String, problem: String) throws {
        let error = try #require(throws: SettingsError.self) {
            try SettingsLoader.load(path: "/nonexistent-\(UUID().uuidString).json", environment: [variable: value])
        }
        #expect(error.description == "\(variable): \"\(key)\" \(problem)")
    }

    @Test func badVariableHidesTheFileValueItReplaces() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"qbittorrent_port": "also bad"}"#, in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: ["UPSHIFT_QBITTORRENT_PORT": "x"])
            }
            #expect(error.problems.count == 1)
            #expect(error.description.hasPrefix("UPSHIFT_QBITTORRENT_PORT: "))
        }
    }

    @Test func invalidJSONListNamesTheVariable() throws {
        let error = try #require(throws: SettingsError.self) {
            try SettingsLoader.load(path: "/nonexistent.json", environment: ["UPSHIFT_AUTO_APPROVE": "[\"fel\""])
        }
        #expect(error.description.hasPrefix("UPSHIFT_AUTO_APPROVE: invalid JSON"))
    }

    @Test(arguments: ["fel, atmos", "[\"fel\", \"atmos\"]", " fel,,atmos "])
    func listsAreJSONOrCommaSeparated(value: String) throws {
        let loaded = try SettingsLoader.load(path: "/nonexistent.json", environment: ["UPSHIFT_AUTO_APPROVE": value])
        #expect(loaded.settings.ruleSettings.autoApprove == [.fel, .atmos])
    }

    @Test func feedURLsFromTheEnvironment() throws {
        let loaded = try SettingsLoader.load(
            path: "/nonexistent.json",
            environment: [
                "UPSHIFT_IPT_FEED_URLS": "\(iptFeedURL), https://other.example/rss?passkey=abc"
            ])
        #expect(
            loaded.settings.iptFeedURLs.map(\.url.absoluteString) == [
                iptFeedURL, "https://other.example/rss?passkey=abc",
            ])
    }

    @Test(arguments: [
        "/movies=/mnt/user/Media/Movies, /tv=/mnt/user/Media/TV",
        #"[{"from": "/movies", "to": "/mnt/user/Media/Movies"}, {"from": "/tv", "to": "/mnt/user/Media/TV"}]"#,
    ])
    func pathMappingsFromTheEnvironment(value: String) throws {
        let loaded = try SettingsLoader.load(path: "/nonexistent.json", environment: ["UPSHIFT_PATH_MAPPINGS": value])
        #expect(
            loaded.settings.pathMappings == [
                PathMapping(from: "/movies", to: "/mnt/user/Media/Movies"),
                PathMapping(from: "/tv", to: "/mnt/user/Media/TV"),
            ])
    }

    @Test func telegramChatIDFromTheEnvironment() throws {
        let loaded = try SettingsLoader.load(
            path: "/nonexistent.json",
            environment: [
                "UPSHIFT_TELEGRAM_CHAT_ID": "-1001234567890"
            ])
        #expect(loaded.settings.telegramChatID == "-1001234567890")
    }

    @Test func everyKeyHasAVariable() {
        for key in Settings.CodingKeys.allCases {
            #expect(key.environmentVariable == "UPSHIFT_" + key.rawValue.uppercased())
        }
        #expect(Settings.CodingKeys.qbittorrentPort.environmentVariable == "UPSHIFT_QBITTORRENT_PORT")
    }

    @Test func unknownUpshiftVariableWarns() throws {
        let loaded = try SettingsLoader.load(
            path: "/nonexistent.json",
            environment: [
                "UPSHIFT_WEB_PROT": "1", "HOME": "/root",
            ])
        #expect(
            loaded.warnings == [
                "UPSHIFT_WEB_PROT: no setting \"web_prot\" exists, so the variable is ignored "
                    + "(did you mean \"web_port\"?)"
            ])
    }
}

import Foundation
import Testing
import UpshiftCore

@testable import UpshiftSettings

@Suite struct SettingsLoaderTests {
    @Test func felScannerExampleLoadsWithoutErrorOrWarning() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(felScannerExample, in: directory)
            let loaded = try SettingsLoader.load(path: path, environment: [:])
            #expect(loaded.warnings.isEmpty)
            #expect(loaded.notes.isEmpty)
            #expect(loaded.fileFound)
            let settings = loaded.settings
            #expect(settings.qbittorrentHost == "10.0.0.63")
            #expect(settings.qbittorrentPort == 8080)
            #expect(settings.qbittorrentCategory == "movies-fel")
            #expect(settings.qbitSequentialDownload)
            #expect(settings.radarrURL?.absoluteString == "http://10.0.0.35:7878")
            #expect(settings.radarrAPIKey.exposedValue == "your-api-key")
            #expect(settings.radarrRootPath == "/mnt/user/Media/Movies/")
            #expect(!settings.qbittorrentPassword.isSet)
            #expect(settings.ruleSettings == RuleSettings())
            #expect(settings.qbittorrentBaseURL?.absoluteString == "http://10.0.0.63:8080")
        }
    }

    @Test func missingFileGivesDefaultsAndANote() throws {
        let path = "/nonexistent-\(UUID().uuidString)/settings.json"
        let loaded = try SettingsLoader.load(path: path, environment: [:])
        #expect(loaded.settings == Settings())
        #expect(!loaded.fileFound)
        #expect(loaded.notes == ["\(path) does not exist, so the defaults apply"])
    }

    @Test func defaultsAreThoseOfTheSpec() {
        let settings = Settings()
        #expect(settings.iptPollMinutes == 5)
        #expect(settings.libraryRefreshMinutes == 360)
        #expect(settings.telegramAPIURL.absoluteString == "https://api.telegram.org")
        #expect(settings.webHost == "127.0.0.1")
        #expect(settings.webPort == 8787)
        #expect(settings.databasePath == "upshift.sqlite")
        #expect(settings.downloadMonitorSeconds == 30)
        #expect(settings.ruleSettings.maxSizeGB == 0)
        #expect(settings.ruleSettings.minSeeders == 0)
        #expect(settings.ruleSettings.autoApprove.isEmpty)
        #expect(settings.ruleSettings.notifyExpireHours == 24)
    }

    @Test(arguments: [
        ("qbittorrent_port", "\"8080\"", "must be an integer, got string"),
        ("qbittorrent_host", "63", "must be a string, got integer"),
        ("qbit_pause_on_add", "\"false\"", "must be true or false, got string"),
        ("notify_fel", "1", "must be true or false, got integer"),
        ("notify_expire_hours", "24.5", "must be an integer, got number"),
        ("ipt_feed_urls", "\"https://x.org/rss\"", "must be a list, got string"),
        ("path_mappings", "{\"from\": \"/a\", \"to\": \"/b\"}", "must be a list, got object"),
        ("auto_approve", "\"fel\"", "must be a list, got string"),
        ("max_size_gb", "\"50\"", "must be a number, got string"),
        ("telegram_chat_id", "true", "must be an integer or a string, got boolean"),
        ("radarr_api_key", "[]", "must be a string, got list"),
    ])
    func wrongTypeNamesTheKey(key: String, json: String, problem: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("{\"\(key)\": \(json)}", in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: [:])
            }
            #expect(error.description == "\(path): \"\(key)\" \(problem)")
        }
    }

    @Test func wrongTypeMessageReadsAsInTheBrief() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("{\"qbittorrent_port\": \"8080\"}", in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: [:])
            }
            #expect(error.description.hasSuffix("settings.json: \"qbittorrent_port\" must be an integer, got string"))
        }
    }

    @Test(arguments: [
        ("qbittorrent_port", "0", "qbittorrent_port", "must be between 1 and 65535, got 0"),
        ("web_port", "65536", "web_port", "must be between 1 and 65535, got 65536"),
        ("ipt_poll_minutes", "-5", "ipt_poll_minutes", "must be between 1 and 10080, got -5"),
        ("library_refresh_minutes", "0", "library_refresh_minutes", "must be between 1 and 40320, got 0"),
        ("min_seeders", "-1", "min_seeders", "must be between 0 and 1000000, got -1"),
        ("max_size_gb", "-2", "max_size_gb", "must be 0 or more, got -2"),
        (
            "auto_approve", "[\"fel\", \"sometimes\"]", "auto_approve[1]",
            "must be one of fel, dv, atmos, resolution, got \"sometimes\""
        ),
        ("radarr_url", "\"10.0.0.35:7878\"", "radarr_url", "must be an http or https URL, got \"10.0.0.35:7878\""),
        (
            "telegram_api_url", "\"ftp://api.telegram.org\"", "telegram_api_url",
            "must be an http or https URL, got \"ftp://api.telegram.org\""
        ),
        (
            "ipt_feed_urls", "[\"https://ok.example/rss\", \"not a url\"]", "ipt_feed_urls[1]",
            "must be an http or https URL"
        ),
        ("path_mappings", "[{\"from\": \"/movies/\"}]", "path_mappings[0]", "is missing \"to\""),
        ("path_mappings", "[{\"to\": \"/mnt/movies/\"}]", "path_mappings[0]", "is missing \"from\""),
        ("path_mappings", "[{\"from\": \"\", \"to\": \"/b\"}]", "path_mappings[0]", "\"from\" must not be empty"),
        (
            "telegram_chat_id", "\"my chat\"", "telegram_chat_id",
            "must be a chat number or an @channel name, got \"my chat\""
        ),
        (
            "qbittorrent_host", "\"10.0.0.63:8080\"", "qbittorrent_host",
            "must be a host name without a port (see \"qbittorrent_port\") or an http(s) URL, got \"10.0.0.63:8080\""
        ),
        ("web_host", "\"\"", "web_host", "must not be empty"),
        ("notify_expire_hours", "0", "notify_expire_hours", "must be between 1 and 8760, got 0"),
        // Intervals that would overflow a timer or a date (issue 7): an error naming the key, no crash.
        (
            "ipt_poll_minutes", "1000000000000000", "ipt_poll_minutes",
            "must be between 1 and 10080, got 1000000000000000"
        ),
        (
            "library_refresh_minutes", "1000000000000000", "library_refresh_minutes",
            "must be between 1 and 40320, got 1000000000000000"
        ),
        (
            "notify_expire_hours", "1000000000000000", "notify_expire_hours",
            "must be between 1 and 8760, got 1000000000000000"
        ),
        (
            "download_monitor_seconds", "1000000000000000", "download_monitor_seconds",
            "must be between 1 and 86400, got 1000000000000000"
        ),
        ("releases_keep_days", "0", "releases_keep_days", "must be between 1 and 36500, got 0"),
        ("library_max_shrink_percent", "101", "library_max_shrink_percent", "must be between 0 and 100, got 101"),
        (
            "qbittorrent_error_grace_minutes", "-1", "qbittorrent_error_grace_minutes",
            "must be between 0 and 10080, got -1"
        ),
    ])
    func badValueNamesTheKey(key: String, json: String, reported: String, problem: String) async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("{\"\(key)\": \(json)}", in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: [:])
            }
            #expect(error.description == "\(path): \"\(reported)\" \(problem)")
        }
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(
                #"{"qbittorrent_port": "x", "web_port": 0, "notify_dv": "yes", "auto_approve": ["nope"]}"#,
                in: directory
            )
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: [:])
            }
            let keys = error.problems.compactMap { problem -> String? in
                guard case .invalidSetting(_, let key, _) = problem else { return nil }
                return key
            }
            #expect(Set(keys) == ["qbittorrent_port", "web_port", "notify_dv", "auto_approve[0]"])
            #expect(error.description.split(separator: "\n").count == 4)
        }
    }

    @Test(arguments: [
        (JSONValue.integer(-1_001_234_567_890), "-1001234567890"), (.string("123456"), "123456"),
        (.string("@upshift_channel"), "@upshift_channel"), (.string(""), ""),
    ])
    func chatIDAcceptsNumbersAndStrings(value: JSONValue, expected: String) throws {
        let result = Settings.read(["telegram_chat_id": value], defaultSource: .document)
        #expect(result.errors.isEmpty)
        #expect(result.settings.telegramChatID == expected)
    }

    @Test func nullKeepsTheDefault() throws {
        let result = Settings.read(["web_port": .null, "radarr_url": .null], defaultSource: .document)
        #expect(result.errors.isEmpty)
        #expect(result.settings == Settings())
    }

    @Test func invalidJSONNamesTheFileAndThePosition() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("{\n  \"web_port\": 8787,\n  \"ipt_enabled\": tru\n}", in: directory)
            let error = try #require(throws: SettingsError.self) {
                try SettingsLoader.load(path: path, environment: [:])
            }
            guard case .invalidJSON(let source, let line, let column, _) = error else {
                Issue.record("expected invalidJSON, got \(error)")
                return
            }
            #expect(source == path)
            #expect(line == 3)
            #expect(column != nil)
            #expect(error.description.hasPrefix("\(path): invalid JSON at line 3, column "))
        }
    }

    @Test func topLevelMustBeAnObject() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("[1, 2]", in: directory)
            #expect(throws: SettingsError.notAnObject(source: path, found: "list")) {
                try SettingsLoader.load(path: path, environment: [:])
            }
        }
    }

    @Test func unknownKeyWarnsWithASuggestion() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"qbitorrent_port": 9090, "totally_new": 1}"#, in: directory)
            let loaded = try SettingsLoader.load(path: path, environment: [:])
            #expect(
                loaded.warnings == [
                    "\(path): unknown key \"qbitorrent_port\" is ignored (did you mean \"qbittorrent_port\"?)",
                    "\(path): unknown key \"totally_new\" is ignored",
                ])
            #expect(loaded.settings.qbittorrentPort == 8080)
        }
    }

    @Test func unknownKeyInsideAPathMappingWarns() throws {
        let mapping = JSONValue.object(["from": .string("/a"), "to": .string("/b"), "mode": .string("x")])
        let result = Settings.read(["path_mappings": .array([mapping])], defaultSource: .document)
        #expect(result.errors.isEmpty)
        #expect(result.warnings == ["\"path_mappings[0]\" has unknown key \"mode\", which is ignored"])
        #expect(result.settings.pathMappings == [PathMapping(from: "/a", to: "/b")])
    }

    @Test func decodableReadsTheSameDocument() throws {
        let settings = try JSONDecoder().decode(Settings.self, from: Data(felScannerExample.utf8))
        #expect(settings.qbittorrentCategory == "movies-fel")
        #expect(throws: SettingsError.self) {
            try JSONDecoder().decode(Settings.self, from: Data(#"{"web_port": "80"}"#.utf8))
        }
    }

    @Test func ruleSettingsFollowTheFile() throws {
        let result = Settings.read(
            [
                "notify_fel": .bool(false), "notify_dv": .bool(true), "notify_expire_hours": .integer(48),
                "max_size_gb": .number(80.5), "min_seeders": .integer(3),
                "auto_approve": .array([.string("fel"), .string("atmos")]),
            ], defaultSource: .document)
        #expect(result.errors.isEmpty)
        var expected = RuleSettings()
        expected.notifyFEL = false
        expected.notifyDV = true
        expected.notifyExpireHours = 48
        expected.maxSizeGB = 80.5
        expected.minSeeders = 3
        expected.autoApprove = [.fel, .atmos]
        #expect(result.settings.ruleSettings == expected)
    }

    @Test(arguments: [
        ("10.0.0.63", 8080, "http://10.0.0.63:8080"),
        ("qbit.lan", 9090, "http://qbit.lan:9090"),
        ("http://10.0.0.63", 8080, "http://10.0.0.63:8080"),
        ("https://qbit.example.com:443/", 8080, "https://qbit.example.com:443"),
        ("http://nas:8085/qbittorrent/", 8080, "http://nas:8085/qbittorrent"),
    ])
    func qbittorrentBaseURL(host: String, port: Int, expected: String) {
        var settings = Settings()
        settings.qbittorrentHost = host
        settings.qbittorrentPort = port
        #expect(settings.qbittorrentBaseURL?.absoluteString == expected)
    }
}

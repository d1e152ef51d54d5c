import Testing
import UpshiftSettings

@testable import UpshiftCLI

@Suite struct ConfigCheckCommandTests {
    @Test func printsEveryKeyInDocumentedOrder() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"web_port": 9000}"#, in: directory)
            let run = await runUpshift(["config", "check", "--config", path])
            #expect(run.status == 0)
            let output = run.lines.joined(separator: "\n")
            #expect(topLevelKeys(output) == Settings.CodingKeys.allCases.map(\.rawValue))
            #expect(run.lines.contains(#"  "web_port": 9000,"#))
            #expect(run.errorLines == ["Settings are valid."])
        }
    }

    @Test func aMissingFileShowsTheDefaultsWithANote() async {
        let run = await runUpshift(["config", "check", "--config", "/nonexistent/settings.json"])
        #expect(run.status == 0)
        #expect(run.lines.contains(#"  "web_host": "127.0.0.1","#))
        #expect(
            run.errorLines == [
                "Note: /nonexistent/settings.json does not exist, so the defaults apply", "Settings are valid.",
            ])
    }

    @Test func secretsAreMaskedAndPasskeysRedacted() async throws {
        try await withTemporaryDirectory { directory in
            let feed = "https://iptorrents.com/t.rss?u=1234567;tp=\(distinctivePasskey);48;89;download"
            let path = try writeSettings(
                """
                {"qbittorrent_password": "\(distinctiveSecret)", "radarr_api_key": "\(distinctiveSecret)",
                 "telegram_bot_token": "\(distinctiveSecret)", "plex_token": "\(distinctiveSecret)",
                 "ipt_feed_urls": ["\(feed)"], "qbittorrent_host": "http://admin:\(distinctiveSecret)@10.0.0.63",
                 "unknown_key": "\(distinctiveSecret)"}
                """, in: directory)
            let run = await runUpshift(
                ["config", "check", "--config", path], environment: ["UPSHIFT_WEB_API_KEY": distinctiveSecret]
            )
            #expect(run.status == 0)
            #expect(!run.everything.contains(distinctiveSecret))
            #expect(!run.everything.contains(distinctivePasskey))
            for key in Settings.CodingKeys.allCases where key.isSecret {
                #expect(run.lines.contains { $0.hasPrefix("  \"\(key.rawValue)\": \"********\"") })
            }
            #expect(run.lines.contains(#"    "https://iptorrents.com/t.rss?u=1234567;tp=********;48;89;download""#))
        }
    }

    @Test func errorsNameTheKeysAndExitOne() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(
                """
                {"radarr_api_key": "\(distinctiveSecret)", "qbittorrent_port": "8080", "web_port": 0,
                 "ipt_feed_urls": ["htp:/iptorrents.com/t.rss?tp=\(distinctivePasskey)"]}
                """, in: directory)
            let run = await runUpshift(["config", "check", "--config", path])
            #expect(run.status == 1)
            #expect(run.lines.isEmpty)
            #expect(
                Set(run.errorLines) == [
                    "Error: \(path): \"qbittorrent_port\" must be an integer, got string",
                    "Error: \(path): \"web_port\" must be between 1 and 65535, got 0",
                    "Error: \(path): \"ipt_feed_urls[0]\" must be an http or https URL",
                ])
            #expect(!run.everything.contains(distinctiveSecret))
            #expect(!run.everything.contains(distinctivePasskey))
        }
    }

    @Test func warningsGoToStandardError() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"notify_fell": true}"#, in: directory)
            let run = await runUpshift(["config", "check", "--config", path], environment: ["UPSHIFT_NOPE": "1"])
            #expect(run.status == 0)
            #expect(
                run.errorLines == [
                    "Warning: \(path): unknown key \"notify_fell\" is ignored (did you mean \"notify_fel\"?)",
                    "Warning: UPSHIFT_NOPE: no setting \"nope\" exists, so the variable is ignored",
                    "Settings are valid (2 warnings).",
                ])
        }
    }

    @Test func invalidJSONSaysWhere() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings("{\n  \"web_port\": 8787\n  \"web_host\": \"0.0.0.0\"\n}", in: directory)
            let run = await runUpshift(["config", "check", "--config", path])
            #expect(run.status == 1)
            #expect(run.errorLines.count == 1)
            #expect(run.errorLines.first?.hasPrefix("Error: \(path): invalid JSON at line 3, column ") == true)
        }
    }
}

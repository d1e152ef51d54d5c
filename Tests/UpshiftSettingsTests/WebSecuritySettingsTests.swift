import Foundation
import Testing

@testable import UpshiftSettings

/// `web_allow_unauthenticated`, `web_allowed_hosts` and `web_session_days`: read, checked by key,
/// overridable from the environment; and the rule that an open daemon is a choice.
@Suite struct WebSecuritySettingsTests {
    @Test func defaults() {
        let settings = Settings()
        #expect(!settings.webAllowUnauthenticated)
        #expect(settings.webAllowedHosts.isEmpty)
        #expect(settings.webSessionDays == 30)
    }

    @Test func keysAreRead() throws {
        let result = Settings.read(
            [
                "web_allow_unauthenticated": .bool(true), "web_session_days": .integer(7),
                "web_allowed_hosts": .array([.string("Upshift.LAN"), .string("192.168.1.10"), .string("[fe80::1]")]),
            ], defaultSource: .document)
        #expect(result.errors.isEmpty)
        #expect(result.settings.webAllowUnauthenticated)
        #expect(result.settings.webSessionDays == 7)
        #expect(result.settings.webAllowedHosts == ["upshift.lan", "192.168.1.10", "fe80::1"])
    }

    @Test(arguments: [
        ("web_allow_unauthenticated", "\"yes\"", "web_allow_unauthenticated", "must be true or false, got string"),
        ("web_session_days", "0", "web_session_days", "must be between 1 and 3650, got 0"),
        ("web_session_days", "3651", "web_session_days", "must be between 1 and 3650, got 3651"),
        ("web_allowed_hosts", "\"upshift.lan\"", "web_allowed_hosts", "must be a list, got string"),
        (
            "web_allowed_hosts", "[\"ok.lan\", \"upshift.lan:8787\"]", "web_allowed_hosts[1]",
            "must be a host name or address without a scheme or port, got \"upshift.lan:8787\""
        ),
        (
            "web_allowed_hosts", "[\"http://upshift.lan\"]", "web_allowed_hosts[0]",
            "must be a host name or address without a scheme or port, got \"http://upshift.lan\""
        ),
        ("web_allowed_hosts", "[\"\"]", "web_allowed_hosts[0]", "must be a host name or address without a scheme or port, got \"\""),
        ("web_allowed_hosts", "[8787]", "web_allowed_hosts[0]", "must be a string, got integer"),
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

    @Test func environmentOverridesEachKey() throws {
        let loaded = try SettingsLoader.load(
            path: "/nonexistent-\(UUID().uuidString).json",
            environment: [
                "UPSHIFT_WEB_ALLOW_UNAUTHENTICATED": "true", "UPSHIFT_WEB_ALLOWED_HOSTS": "upshift.lan, nas.local",
                "UPSHIFT_WEB_SESSION_DAYS": "2",
            ])
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.settings.webAllowUnauthenticated)
        #expect(loaded.settings.webAllowedHosts == ["upshift.lan", "nas.local"])
        #expect(loaded.settings.webSessionDays == 2)
    }

    // MARK: - An open daemon is a choice

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10", "upshift.lan", "[::]"])
    func aNonLoopbackBindWithoutAKeyIsRefused(host: String) throws {
        var settings = Settings()
        settings.webHost = host
        let problem = try #require(settings.openWebProblem)
        #expect(problem.key == "web_api_key")
        let sentence = SettingsError.invalidSetting(source: .document, key: problem.key, problem: problem.problem)
            .description
        #expect(sentence.contains("\"web_api_key\""))
        #expect(sentence.contains("web_allow_unauthenticated"))
        #expect(sentence.contains(host))
    }

    @Test func aKeyOrAnExplicitChoiceOrLoopbackIsFine() {
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"] {
            var settings = Settings()
            settings.webHost = host
            #expect(settings.openWebProblem == nil, "\(host)")
        }
        var keyed = Settings()
        keyed.webHost = "0.0.0.0"
        keyed.webAPIKey = Secret(distinctiveSecret)
        #expect(keyed.openWebProblem == nil)
        var open = Settings()
        open.webHost = "0.0.0.0"
        open.webAllowUnauthenticated = true
        #expect(open.openWebProblem == nil)
    }

    // MARK: - Host names

    @Test(arguments: [
        ("localhost", "localhost"), ("LOCALHOST.", "localhost"), ("127.0.0.1", "127.0.0.1"), ("[::1]", "::1"),
        ("0:0:0:0:0:0:0:1", "::1"), ("[FE80::0001]", "fe80::1"), ("upshift.lan", "upshift.lan"),
    ])
    func hostNamesNormalise(text: String, expected: String) {
        #expect(WebHostName.normalized(text) == expected)
    }

    @Test(arguments: [
        ("localhost:8787", "localhost"), ("[::1]:8787", "::1"), ("Upshift.LAN:80", "upshift.lan"),
        ("192.168.1.10", "192.168.1.10"), ("[::1]", "::1"), ("localhost:", "localhost"),
    ])
    func hostHeadersNormalise(header: String, expected: String) {
        #expect(WebHostName.normalized(hostHeader: header) == expected)
    }

    @Test(arguments: ["", "localhost:80x", "localhost:99999", "::1", "[::1", "a b", "evil.example/x", "[::1]x"])
    func badHostHeadersAreRejected(header: String) {
        #expect(WebHostName.normalized(hostHeader: header) == nil)
    }
}

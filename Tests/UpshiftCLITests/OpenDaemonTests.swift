import Testing
import UpshiftSettings

@testable import UpshiftCLI

/// An open daemon is a choice: bound to a non-loopback address without `web_api_key`, `serve`
/// refuses to start unless `web_allow_unauthenticated` is true, and `config check` says so too.
@Suite struct OpenDaemonTests {
    static let refusal =
        #""web_api_key" must be set while web_host "0.0.0.0" is not a loopback address; to serve every page and "#
        + "call without a key on purpose, set web_allow_unauthenticated to true"

    @Test func serveRefusesANonLoopbackBindWithoutAKey() throws {
        var settings = Settings()
        settings.webHost = "0.0.0.0"
        settings.databasePath = "/tmp/upshift-open-daemon-test.sqlite"
        let error = try #require(throws: CLIError.self) { try ServeReadiness.check(settings) }
        #expect(error.messages == [Self.refusal])
    }

    @Test func serveAcceptsAKeyOrTheExplicitChoice() throws {
        var settings = Settings()
        settings.webHost = "0.0.0.0"
        settings.databasePath = "/tmp/upshift-open-daemon-test.sqlite"
        settings.webAPIKey = Secret(distinctiveSecret)
        try ServeReadiness.check(settings)
        settings.webAPIKey = Secret()
        settings.webAllowUnauthenticated = true
        try ServeReadiness.check(settings)
    }

    @Test func serveCommandStopsBeforeAnythingStarts() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"web_host": "0.0.0.0", "database_path": "u.sqlite"}"#, in: directory)
            let run = await runUpshift(["serve", "--config", path], environment: ["UPSHIFT_WEB_API_KEY": ""])
            #expect(run.status == 1)
            #expect(run.errorLines == ["Error: \(Self.refusal)"])
        }
    }

    @Test func configCheckReportsItAndExitsOne() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"web_host": "0.0.0.0"}"#, in: directory)
            let run = await runUpshift(["config", "check", "--config", path])
            #expect(run.status == 1)
            #expect(run.errorLines == ["Error: \(Self.refusal)"])

            let open = await runUpshift(
                ["config", "check", "--config", path], environment: ["UPSHIFT_WEB_ALLOW_UNAUTHENTICATED": "true"])
            #expect(open.status == 0)
            let keyed = await runUpshift(
                ["config", "check", "--config", path], environment: ["UPSHIFT_WEB_API_KEY": distinctiveSecret])
            #expect(keyed.status == 0)
            #expect(!keyed.everything.contains(distinctiveSecret))
        }
    }
}

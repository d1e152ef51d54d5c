import AsyncHTTPClient
import Foundation
import Logging
import Testing
import UpshiftCLI
import UpshiftSettings
import UpshiftStore

/// The composition root itself refuses an open daemon, whoever builds it (not only `upshift serve`).
@Suite struct OpenDaemonWiringTests {
    static func daemon(_ settings: Settings) throws -> Daemon {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try Daemon(
            settings: settings, database: try AppDatabase.inMemory(),
            dependencies: .live(settings: settings, httpClient: .shared, logger: logger), logger: logger, webPort: 0)
    }

    @Test func aNonLoopbackBindWithoutAKeyIsRefused() throws {
        var settings = Settings()
        settings.webHost = "0.0.0.0"
        let error = try #require(throws: CLIError.self) { try Self.daemon(settings) }
        #expect(error.description.contains("\"web_api_key\""))
        #expect(error.description.contains("web_allow_unauthenticated"))
    }

    @Test func loopbackAKeyOrTheExplicitChoiceIsWired() throws {
        var settings = Settings()
        _ = try Self.daemon(settings)
        settings.webHost = "0.0.0.0"
        settings.webAllowUnauthenticated = true
        _ = try Self.daemon(settings)
        settings.webAllowUnauthenticated = false
        settings.webAPIKey = Secret("a-key")
        _ = try Self.daemon(settings)
    }
}

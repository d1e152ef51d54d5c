import AsyncHTTPClient
import Foundation
import Logging
import QBittorrent
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// A suite trait that runs one real qbittorrent-nox (its own profile and ports) around a whole
/// suite, so the suite's tests share it; the server is stopped and its profile removed afterwards.
/// Starting fails the suite when the binary is missing (never a skip).
struct LiveQBittorrent: SuiteTrait, TestScoping {
    /// The server of the suite being run.
    @TaskLocal static var current: QBittorrentServer?

    let config: QBittorrentServerConfig

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await QBittorrentServer.with(config) { server in
            try await Self.$current.withValue(server) { try await function() }
        }
    }

    /// The running server (fails the test outside a `.liveQBittorrent` suite).
    static func server() throws -> QBittorrentServer {
        try #require(current, "the suite needs the .liveQBittorrent trait")
    }
}

extension Trait where Self == LiveQBittorrent {
    /// Runs a real qbittorrent-nox around the suite.
    static func liveQBittorrent(_ config: QBittorrentServerConfig = .init()) -> Self { LiveQBittorrent(config: config) }
}

/// Test helpers shared by the suites.
enum Fixture {
    /// A logger that drops everything (tests that do not inspect logs).
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A client for `server` with its credentials (or the given ones).
    static func client(
        _ server: QBittorrentServer, username: String? = nil, password: String? = nil, logger: Logger = quiet
    ) -> QBittorrentClient {
        QBittorrentClient(
            baseURL: server.baseURL, username: username ?? server.config.username,
            password: Secret(password ?? server.config.password), httpClient: .shared, logger: logger,
            timeout: .seconds(10)
        )
    }

    /// A fresh single-file test torrent with a unique payload.
    static func torrent(_ label: String, bytes: Int = 40_000) -> TestTorrent {
        TestTorrent.make(
            payload: TestTorrent.randomPayload(count: bytes), name: "\(label).\(UUID().uuidString.prefix(8)).mkv"
        )
    }

    /// A folder under the server's downloads, unique to the caller.
    static func saveFolder(_ server: QBittorrentServer, _ label: String) -> String {
        server.downloads.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))").path
    }

    /// Polls `check` every 100 ms until it returns a value or `timeout` passes.
    static func eventually<T>(
        timeout: Duration = .seconds(20), _ check: () async throws -> T?
    ) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let value = try await check() { return value }
            try await Task.sleep(for: .milliseconds(100))
        } while ContinuousClock.now < deadline
        return try await check()
    }
}

import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import QBittorrent
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// Login, session expiry and secrets against a real qbittorrent-nox whose sessions expire after
/// 1 s idle. At most 2 failed logins happen on this instance (qBittorrent bans at 5).
@Suite(.liveQBittorrent(.init(sessionTimeout: 1)))
struct LiveSessionTests {
    @Test func anExpiredSessionLogsInAgainOnce() async throws {
        let server = try LiveQBittorrent.server()
        let capture = LogCapture()
        let client = Fixture.client(server, logger: capture.logger)
        _ = try await client.torrents()
        try await Task.sleep(for: .milliseconds(2_500))  // the SID expires on the server
        _ = try await client.torrents()
        // Under load the SID may also expire between the login and the first call: count, do not fix.
        let refusals = capture.text.components(separatedBy: "session refused, logging in again").count - 1
        let logins = capture.text.components(separatedBy: "info qBittorrent login ").count - 1
        #expect(refusals >= 1)
        #expect(logins == refusals + 1)
    }

    @Test func aWrongPasswordIsLoginFailedThenLoginRefused() async throws {
        let server = try LiveQBittorrent.server()
        let capture = LogCapture()
        let client = Fixture.client(server, password: "wrong-password", logger: capture.logger)
        await #expect {
            try await client.torrents()
        } throws: { error in
            guard case QBittorrentError.loginFailed(let user) = error else { return false }
            return user == server.config.username && "\(error)".contains("wrong username or password")
        }
        for _ in 0..<2 {
            await #expect {
                try await client.torrents()
            } throws: { error in
                guard case QBittorrentError.loginRefused(let refusal) = error else { return false }
                return refusal.username == server.config.username && "\(error)".contains("wrong username or password")
            }
        }
        // One refusal reached the server; the next two calls did not ask.
        #expect(capture.text.components(separatedBy: "login refused").count - 1 == 1)
    }

    @Test func thePasswordIsNeverLoggedNorInErrors() async throws {
        let server = try LiveQBittorrent.server()
        let password = server.config.password
        let capture = LogCapture()
        var errors: [any Error] = []
        // Success path: login, version, add, read, delete.
        let client = Fixture.client(server, logger: capture.logger)
        let made = Fixture.torrent("Secret")
        _ = try await client.add(
            .file(try TorrentFile.parse(made.data)), options: .init(category: "secret-test", paused: true))
        _ = try await client.torrent(hash: made.infoHash)
        try await client.delete(hash: made.infoHash, deleteFiles: true)
        // Failure paths: a wrong password that contains the real one, and an unreachable server.
        let wrong = Fixture.client(server, password: password + "-x", logger: capture.logger)
        do { _ = try await wrong.torrents() } catch { errors.append(error) }
        let down = QBittorrentClient(
            baseURL: URL(string: try await LoopbackServer.unusedBaseURL())!, username: "admin",
            password: Secret(password),
            httpClient: .shared, logger: capture.logger, timeout: .seconds(2)
        )
        do { _ = try await down.torrents() } catch { errors.append(error) }

        #expect(errors.count == 2)
        #expect(capture.count > 5)
        #expect(!capture.text.contains(password))
        for error in errors {
            #expect(!"\(error)".contains(password))
            #expect(!String(reflecting: error).contains(password))
        }
    }
}

import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// Issue 7: qBittorrent never forgets a failed login, and its 5th earns this IP a 1 h ban (which can
/// also lock out Radarr on the same host). So after one refusal a client never logs in again, however
/// long it lives: proved on a real qbittorrent-nox of each test's own, whose log lists every refused login.
@Suite struct LiveLoginRefusalTests {
    static let refused = "WebAPI login failure"

    @Test func aWrongPasswordIsTriedOnceForTheLifeOfTheClient() async throws {
        try await QBittorrentServer.with { server in
            let wrong = Fixture.client(server, password: "not-it")
            await #expect(throws: QBittorrentError.self) { try await wrong.torrents() }
            for _ in 0..<6 {
                try await Task.sleep(for: .milliseconds(100))
                await #expect {
                    try await wrong.torrents()
                } throws: { error in
                    guard case QBittorrentError.loginRefused(let refusal) = error else { return false }
                    return refusal.reason == .wrongCredentials
                }
            }
            #expect(await wrong.loginRefusal?.reason == .wrongCredentials)
            let attempts = try await server.logLines(containing: Self.refused)
            #expect(attempts == 1)
            // Not banned: the right password still gets in.
            _ = try await Fixture.client(server).torrents()
        }
    }

    @Test func aBannedClientDoesNotAskAgain() async throws {
        try await QBittorrentServer.with { server in
            // Five clients with a wrong password, one refusal each: the fifth starts the ban.
            for _ in 0..<5 { _ = try? await Fixture.client(server, password: "not-it").torrents() }
            let right = Fixture.client(server)
            for _ in 0..<3 { _ = try? await right.torrents() }
            #expect(await right.loginRefusal?.reason == .banned)
            let asked = try await server.logLines(containing: "Reason: IP has been banned")
            #expect(asked == 1)
        }
    }
}

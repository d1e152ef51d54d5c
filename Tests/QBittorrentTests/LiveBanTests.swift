import Foundation
import QBittorrent
import Testing
import UpshiftTestSupport

/// qBittorrent's ban after 5 failed logins, on an instance of its own (it stays banned).
@Suite(.liveQBittorrent())
struct LiveBanTests {
    @Test func theBanIsTypedWithAClearMessage() async throws {
        let server = try LiveQBittorrent.server()
        // A client asks once and never again after a refusal: five clients (five settings changes) are banned.
        for _ in 0..<5 {
            await #expect {
                try await Fixture.client(server, password: "not-it").login()
            } throws: { error in
                guard case QBittorrentError.loginFailed = error else { return false }
                return true
            }
        }
        // Now even the right password is refused with 403 and the ban text.
        let right = Fixture.client(server)
        await #expect {
            try await right.torrents()
        } throws: { error in
            guard case QBittorrentError.banned = error else { return false }
            let text = "\(error)"
            return text.contains("banned this IP after too many failed logins") && text.contains("restart qBittorrent")
                && (error as? QBittorrentError)?.isTransient == false
        }
    }
}

import Foundation
import Testing
import UpshiftTestSupport

/// The test harness itself: the password hash qBittorrent expects, and a missing binary is an error.
@Suite struct HarnessTests {
    @Test func passwordHashMatchesQBittorrentsOwnDefault() throws {
        // qBittorrent 4.5.2's built-in hash of "adminadmin" (PBKDF2-HMAC-SHA512, 100 000 rounds).
        let salt = try #require(Data(base64Encoded: "ARQ77eY1NUZaQsuDHbIMCA=="))
        let expected =
            "@ByteArray(ARQ77eY1NUZaQsuDHbIMCA==:0WMRkYTUWVT9wVvdDtHAjU9b3b7uB8NR1Gur2hmQCvCDpm39Q+PsJRJPaCU51dEiz+dTzh8q"
            + "bPsL8WkFljQYFQ==)"
        #expect(try QBittorrentServerConfig.passwordHash("adminadmin", salt: salt) == expected)
    }

    @Test func aMissingBinaryIsAnErrorNotASkip() async throws {
        let config = QBittorrentServerConfig(binary: "/nonexistent/qbittorrent-nox")
        await #expect {
            try await QBittorrentServer.start(config)
        } throws: { error in
            guard case QBittorrentServerError.binaryMissing = error else { return false }
            return "\(error)".contains("install it")
        }
    }
}

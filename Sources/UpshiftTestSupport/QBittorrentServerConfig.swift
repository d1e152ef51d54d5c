import Crypto
import Foundation
import _CryptoExtras

/// How a test qbittorrent-nox is set up (written to its throwaway profile's `qBittorrent.conf`).
public struct QBittorrentServerConfig: Sendable {
    /// How the WebUI authenticates loopback clients.
    public enum Auth: Sendable, Hashable {
        /// Login required with these credentials (the password hash is computed at start).
        case credentials(username: String, password: String)
        /// `WebUI\LocalHostAuth=false`: clients on 127.0.0.1 need no login ("LAN-only").
        case bypass
    }

    /// Authentication mode.
    public var auth: Auth
    /// `WebUI\SessionTimeout` in seconds (qBittorrent's default is 3600); short values test SID expiry.
    public var sessionTimeout: Int?
    /// `WebUI\MaxAuthenticationFailCount` (default 5; the 5th failure starts the ban).
    public var maxAuthenticationFailures: Int?
    /// The executable; nil = `QBITTORRENT_NOX`, else `qbittorrent-nox` on the `PATH`.
    public var binary: String?
    /// When true, automatic torrent management is on by default (`Session\DisableAutoTMMByDefault=false`),
    /// as on some users' servers: a client must then send `autoTMM=false` for its save path to count.
    public var autoTMMByDefault: Bool

    /// A configuration; credentials `admin` and a random password by default.
    public init(
        auth: Auth = .credentials(username: "admin", password: "pw-\(UUID().uuidString.prefix(12))"),
        sessionTimeout: Int? = nil, maxAuthenticationFailures: Int? = nil, autoTMMByDefault: Bool = false,
        binary: String? = nil
    ) {
        self.binary = binary
        self.auth = auth
        self.sessionTimeout = sessionTimeout
        self.maxAuthenticationFailures = maxAuthenticationFailures
        self.autoTMMByDefault = autoTMMByDefault
    }

    /// The username, or empty in bypass mode.
    public var username: String {
        if case .credentials(let username, _) = auth { return username }
        return ""
    }

    /// The password, or empty in bypass mode.
    public var password: String {
        if case .credentials(_, let password) = auth { return password }
        return ""
    }

    /// The `qBittorrent.conf` text: DHT, PeX, LSD, UPnP/NAT-PMP and GeoIP lookups off, BitTorrent and
    /// the WebUI on 127.0.0.1 only, the legal notice accepted, queueing off.
    func configurationText(webPort: Int, torrentPort: Int, downloads: String) throws -> String {
        var preferences = [
            "Connection\\ResolvePeerCountries=false",
            "General\\Locale=en",
            "WebUI\\Enabled=true",
            "WebUI\\Address=127.0.0.1",
            "WebUI\\Port=\(webPort)",
            "WebUI\\UseUPnP=false",
            "WebUI\\Username=\(username.isEmpty ? "admin" : username)",
            // Bypass mode still gets a hash (of a random password) so no built-in default applies.
            "WebUI\\Password_PBKDF2=\"\(try Self.passwordHash(password.isEmpty ? UUID().uuidString : password))\"",
            "WebUI\\LocalHostAuth=\(auth == .bypass ? "false" : "true")",
        ]
        if let sessionTimeout { preferences.append("WebUI\\SessionTimeout=\(sessionTimeout)") }
        if let maxAuthenticationFailures {
            preferences.append("WebUI\\MaxAuthenticationFailCount=\(maxAuthenticationFailures)")
        }
        let bitTorrent = [
            "Session\\DHTEnabled=false",
            "Session\\PeXEnabled=false",
            "Session\\LSDEnabled=false",
            "Session\\Port=\(torrentPort)",
            "Session\\Interface=lo",
            "Session\\InterfaceName=lo",
            "Session\\InterfaceAddress=127.0.0.1",
            "Session\\DefaultSavePath=\(downloads)",
            "Session\\QueueingSystemEnabled=false",
            "Session\\DisableAutoTMMByDefault=\(autoTMMByDefault ? "false" : "true")",
        ]
        return
            (["[LegalNotice]", "Accepted=true", "", "[BitTorrent]"] + bitTorrent
            + ["", "[Network]", "PortForwardingEnabled=false", "", "[Preferences]"] + preferences + [""])
            .joined(separator: "\n")
    }

    /// qBittorrent's stored password form: `@ByteArray(base64(salt):base64(key))` with PBKDF2-HMAC-SHA512,
    /// 100 000 rounds, a 16-byte random salt and a 64-byte key (`src/base/utils/password.cpp`). Computed
    /// here with swift-crypto's `_CryptoExtras` PBKDF2, so any test password works.
    public static func passwordHash(_ password: String, salt: Data? = nil) throws -> String {
        let salt = salt ?? Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Data(password.utf8), salt: salt, using: .sha512, outputByteCount: 64, unsafeUncheckedRounds: 100_000
        )
        let keyData = key.withUnsafeBytes { Data($0) }
        return "@ByteArray(\(salt.base64EncodedString()):\(keyData.base64EncodedString()))"
    }
}

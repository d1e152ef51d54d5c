import Foundation

/// Query parameter names whose value is a credential: the one list behind every redactor, from
/// ``redactedURL(_:)-(String)`` for settings URLs to the feed client's masking and dedupe keys.
///
/// A name counts when, percent-decoded and in lower case, it is in ``names`` or follows one of the
/// patterns trackers and indexers use: it contains `pass` or `token`, or it ends in `key`
/// (`jackett_apikey`, `rsskey`, `x-plex-token`, `torrent_pass`).
public enum CredentialParameter {
    /// Names that are credentials as written, compared in lower case (many are also caught by the patterns).
    public static let names: Set<String> = [
        "passkey", "pass", "password", "passwd", "pwd", "tp", "torrent_pass", "key", "apikey", "api_key",
        "api-key", "token", "access_token", "auth", "authkey", "auth_key", "rsskey", "rss_key", "secret",
        "sig", "signature", "x-plex-token",
    ]

    /// True when a query parameter called `name` carries a credential.
    public static func isCredential(_ name: some StringProtocol) -> Bool {
        let name = (name.removingPercentEncoding ?? String(name)).lowercased()
        return names.contains(name) || name.contains("pass") || name.contains("token") || name.hasSuffix("key")
    }
}

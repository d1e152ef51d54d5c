import Foundation
import UpshiftSettings

/// Removes credentials from any text before it reaches a log line or an error.
///
/// Two layers: every exact secret value the client holds (token, API key, password, passkey, and
/// its percent-encoded form) is replaced by `********`; and URLs are passed through
/// ``redactedURL(_:)`` so passkey-like query values are masked even when the client never knew them.
public struct Redactor: Sendable {
    private let secrets: [String]

    /// A redactor for these secret values (empty ones are ignored).
    public init(secrets: [String] = []) {
        var all: [String] = []
        for secret in secrets where !secret.isEmpty {
            all.append(secret)
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
                all.append(encoded)
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        self.secrets = all.sorted { $0.count > $1.count }
    }

    /// `text` with every known secret masked.
    public func callAsFunction(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Secret.mask)
        }
        return result
    }

    /// A URL as it may be printed: known secrets and passkey-like values masked.
    public func url(_ url: String) -> String {
        self(redactedURL(self(url)))
    }
}

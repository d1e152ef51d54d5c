import Foundation
import HTTPClientSupport
import UpshiftSettings

/// A URL that carries a credential: a `.torrent` link with the tracker passkey (`torrent_pass=`),
/// a Torznab link with an `apikey=`, or a magnet whose `tr=` announce URLs hold a passkey.
///
/// Like ``UpshiftSettings/FeedURL`` it prints, dumps and encodes itself redacted; only the code
/// that downloads reads ``url``. Encoding is lossy on purpose: to persist a link that must be
/// downloaded later, store `url.absoluteString` explicitly, as a secret.
public struct PrivateURL: Sendable, Hashable {
    /// The full URL, credential included: for the download request, never for a message.
    public let url: URL

    /// Wraps a URL.
    public init(_ url: URL) {
        self.url = url
    }

    /// The URL as it may be printed (see ``LinkRedaction/redacted(_:)``).
    public var redacted: String { LinkRedaction.redacted(url) }

    /// True for a `magnet:` URL (nothing to download over HTTP).
    public var isMagnet: Bool { url.scheme?.lowercased() == "magnet" }
}

// MARK: - Printing

extension PrivateURL: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The redacted URL.
    public var description: String { redacted }

    /// The redacted URL.
    public var debugDescription: String { redacted }

    /// A mirror without children, so `dump` and `Mirror` see only the redacted form.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

// MARK: - Coding

extension PrivateURL: Codable {
    /// Reads a URL string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let url = URL(string: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a URL")
        }
        self.init(url)
    }

    /// Writes the redacted URL, never the credential.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(redacted)
    }
}

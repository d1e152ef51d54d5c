import Foundation

/// An RSS or Torznab feed URL. Feed URLs carry the tracker passkey, so this type prints, dumps and
/// encodes itself through ``redactedURL(_:)-(URL)``; only the feed client reads ``url``.
public struct FeedURL: Sendable, Hashable {
    /// The full URL, passkey included: for the request, never for a message.
    public let url: URL

    /// Accepts an absolute `http` or `https` URL with a host; `nil` otherwise.
    public init?(string: String) {
        guard let url = HTTPURLValidation.httpURL(string) else { return nil }
        self.url = url
    }

    /// The URL with its passkey and other credentials masked.
    public var redacted: String { redactedURL(url) }
}

// MARK: - Printing

extension FeedURL: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The redacted URL.
    public var description: String { redacted }

    /// The redacted URL.
    public var debugDescription: String { redacted }

    /// A mirror without children, so `dump` and `Mirror` see only the redacted form.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

// MARK: - Coding

extension FeedURL: Codable {
    /// Reads a URL string; anything but an http(s) URL is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = FeedURL(string: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an http(s) URL")
        }
        self = value
    }

    /// Writes the redacted URL, never the passkey.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(redacted)
    }
}

/// The one check of "is this an http(s) URL" used by every URL setting.
enum HTTPURLValidation {
    /// The URL when `text` is an absolute `http`/`https` URL with a host, else `nil`.
    /// Whitespace is refused rather than percent-encoded: in a settings value it is a typo.
    static func httpURL(_ text: String) -> URL? {
        guard !text.contains(where: \.isWhitespace), let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            let url = components.url
        else { return nil }
        return url
    }
}

import HTTPClientSupport

/// Why a feed could not be read or a torrent could not be downloaded.
///
/// A struct with a ``Kind`` to switch on, like `HTTPCallError`. Every text in it is redacted: the
/// feed or torrent URL has its passkey (`tp=`, `torrent_pass=`) and API key (`apikey=`) masked.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The server answered with a non-2xx status (404, 500, …).
        case status(Int)
        /// No complete reply before the deadline.
        case timeout
        /// The server could not be reached.
        case unreachable
        /// The body was larger than the cap.
        case tooLarge(limit: Int)
        /// The feed is not well-formed XML; the line where the XML parser stopped.
        case malformedXML(line: Int)
        /// Well-formed XML, but no RSS `<channel>` (an HTML page, an Atom feed, an error document).
        case notAFeed
        /// The download did not return a bencoded torrent (an HTML login or Cloudflare page, …).
        case notATorrent
        /// The item's link cannot be downloaded over HTTP (a magnet link).
        case notDownloadable
    }

    /// What went wrong.
    public let kind: Kind
    /// The feed or torrent URL, redacted.
    public let url: String
    /// A short, redacted detail: the parser's message, the start of the body, the underlying error.
    public let detail: String

    /// Creates an error; `url` and `detail` must already be redacted.
    public init(kind: Kind, url: String, detail: String) {
        self.kind = kind
        self.url = url
        self.detail = detail
    }

    /// The HTTP status, for a status error.
    public var status: Int? {
        if case .status(let code) = kind { return code }
        return nil
    }

    /// One sentence naming the URL (redacted), the status or line, and the detail.
    public var description: String {
        let what: String
        switch kind {
        case .status(let code): what = "answered HTTP \(code)"
        case .timeout: what = "timed out"
        case .unreachable: what = "could not be reached"
        case .tooLarge(let limit): what = "sent more than \(limit) bytes"
        case .malformedXML(let line): what = "is not well-formed XML at line \(line)"
        case .notAFeed: what = "is not an RSS feed"
        case .notATorrent: what = "did not return a .torrent file"
        case .notDownloadable: what = "is not an HTTP link to a .torrent file"
        }
        return "\(url) \(what)" + (detail.isEmpty ? "." : ": \(detail).")
    }

    /// Maps a transport failure of ``HTTPCaller`` onto this type.
    init(_ error: HTTPCallError, url: String) {
        let kind: Kind
        switch error.kind {
        case .status(let code): kind = .status(code)
        case .timeout: kind = .timeout
        case .unreachable, .malformed: kind = .unreachable
        case .bodyTooLarge(let limit): kind = .tooLarge(limit: limit)
        }
        self.init(kind: kind, url: url, detail: error.detail)
    }
}

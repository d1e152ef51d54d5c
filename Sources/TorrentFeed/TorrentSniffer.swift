import Foundation

/// Tells a `.torrent` file from what trackers send instead (a login page, a Cloudflare challenge).
enum TorrentSniffer {
    /// True when `data` starts like a bencoded dictionary: `d`, then the length of its first key.
    static func isBencodedDictionary(_ data: Data) -> Bool {
        guard data.count >= 2, data[data.startIndex] == UInt8(ascii: "d") else { return false }
        let next = data[data.startIndex + 1]
        return next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
    }

    /// What the body looks like, for the error: `an HTML page (a login page?), Content-Type text/html`.
    static func describe(_ data: Data, contentType: String?) -> String {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        let kind: String
        if data.isEmpty {
            kind = "an empty body"
        } else if head.contains("cloudflare") || head.contains("cf-chl") || head.contains("just a moment") {
            kind = "a Cloudflare challenge page"
        } else if head.contains("<html") || head.contains("<!doctype") {
            kind = head.contains("login") || head.contains("password") ? "an HTML login page" : "an HTML page"
        } else {
            kind = "\(data.count) bytes that are not bencoded"
        }
        return contentType.map { "\(kind), Content-Type \($0)" } ?? kind
    }
}

import Foundation

/// Turns the text of an item's `<link>` into a `URL`, and reads the IPTorrents torrent id from it.
enum FeedLink {
    /// RFC 3986 unreserved characters.
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    /// What may stay as is in a path: unreserved, `/` and the sub-delimiters but `'` (encoded to be safe).
    private static let pathAllowed = unreserved.union("/!$&()*+,;=:@")
    /// What may stay as is in a query: the path set plus `?`.
    private static let queryAllowed = pathAllowed.union("?")

    /// A URL from a feed link, with characters that are not URL-safe in the path and query
    /// (spaces, apostrophes, non-ASCII) percent-encoded; existing `%XX` escapes are kept. Accepts
    /// `http`, `https` (with a host) and `magnet`; `nil` for anything else.
    static func url(from text: String) -> URL? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        if scheme == "magnet" {
            return URL(string: "magnet:" + encode(text[text.index(after: colon)...], allowed: queryAllowed))
        }
        guard scheme == "http" || scheme == "https", text[colon...].hasPrefix("://") else { return nil }
        let afterScheme = text.index(colon, offsetBy: 3)
        let rest = text[afterScheme...]
        let fragmentStart = rest.firstIndex(of: "#") ?? rest.endIndex
        let beforeFragment = rest[..<fragmentStart]
        let queryStart = beforeFragment.firstIndex(of: "?") ?? beforeFragment.endIndex
        let pathStart = beforeFragment[..<queryStart].firstIndex(of: "/") ?? queryStart
        let authority = rest[..<pathStart]
        guard !authority.isEmpty, !authority.contains(where: \.isWhitespace) else { return nil }
        var result = text[..<afterScheme] + authority
        result += encode(rest[pathStart..<queryStart], allowed: pathAllowed)
        if queryStart < fragmentStart {
            result += "?" + encode(rest[rest.index(after: queryStart)..<fragmentStart], allowed: queryAllowed)
        }
        guard let url = URL(string: String(result)), url.host?.isEmpty == false else { return nil }
        return url
    }

    /// The numeric torrent id of an IPTorrents link `…/download.php/<id>/<name>.torrent`: the
    /// stable key of an item, whatever the passkey or file name.
    static func iptorrentsID(in url: URL) -> String? {
        let parts = url.path.split(separator: "/")
        guard let index = parts.firstIndex(of: "download.php"), index + 1 < parts.count else { return nil }
        let id = parts[index + 1]
        return !id.isEmpty && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber) ? String(id) : nil
    }

    /// `text` with every character outside `allowed` percent-encoded as UTF-8; `%` stays when it
    /// starts a valid `%XX` escape.
    private static func encode(_ text: Substring, allowed: Set<Character>) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if allowed.contains(character) {
                result.append(character)
            } else if character == "%", isEscape(text[index...]) {
                result.append(character)
            } else {
                for byte in String(character).utf8 { result += String(format: "%%%02X", byte) }
            }
            index = text.index(after: index)
        }
        return result
    }

    /// True when `text` starts with `%` and two hex digits.
    private static func isEscape(_ text: Substring) -> Bool {
        let digits = text.dropFirst().prefix(2)
        return digits.count == 2 && digits.allSatisfy(\.isHexDigit)
    }
}

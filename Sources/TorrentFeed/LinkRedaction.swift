import Foundation
import HTTPClientSupport
import UpshiftSettings

/// Finds and masks the credentials that feed and torrent URLs carry: the IPTorrents `tp=` and
/// `torrent_pass=`, a Torznab `apikey=` (every name ``CredentialParameter`` knows), and the announce
/// URLs (`tr=`) of a magnet.
enum LinkRedaction {
    /// The credential values in `url`'s query (as written and percent-decoded), for a ``Redactor``
    /// that masks them wherever they appear: in a URL, an error body or a log line.
    static func credentialValues(in url: URL) -> [String] {
        let isMagnet = url.scheme?.lowercased() == "magnet"
        var values: [String] = []
        for (name, value) in queryItems(of: url.absoluteString) where !value.isEmpty {
            let announce = isMagnet && name.lowercased() == "tr"
            guard announce || CredentialParameter.isCredential(name) else { continue }
            values.append(String(value))
            if let decoded = value.removingPercentEncoding, decoded != String(value) {
                values.append(decoded)
                // An announce URL inside a magnet carries its own passkey.
                if announce, let inner = URL(string: decoded) { values += credentialValues(in: inner) }
            }
        }
        return values
    }

    /// A redactor that masks the credentials of every given URL, plus passkey-like values.
    static func redactor(for urls: [URL]) -> Redactor {
        Redactor(secrets: urls.flatMap(credentialValues(in:)))
    }

    /// `url` as it may be printed. A magnet keeps its info-hash (`xt`), name (`dn`) and length
    /// (`xl`) and masks every other value; any other URL goes through ``Redactor/url(_:)``.
    static func redacted(_ url: URL) -> String {
        let text = url.absoluteString
        guard url.scheme?.lowercased() == "magnet", let mark = text.firstIndex(of: "?") else {
            return redactor(for: [url]).url(text)
        }
        let kept: Set<String> = ["xt", "dn", "xl"]
        let query = text[text.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map {
            item -> String in
            let name = item.split(separator: "=", maxSplits: 1).first ?? ""
            return kept.contains(name.lowercased()) ? String(item) : "\(name)=\(Secret.mask)"
        }
        return "magnet:?" + query.joined(separator: "&")
    }

    /// `text` (a URL used as a dedupe key) without its credential query items, so the key neither
    /// leaks the passkey nor changes when the passkey is rotated.
    /// An item's identity as it may be stored and shown: credential parameters removed
    /// (``strippingCredentials(_:)``) and key-like path segments masked (``maskingKeyLikePathSegments(_:)``).
    static func guid(from text: String) -> String {
        maskingKeyLikePathSegments(strippingCredentials(text))
    }

    static func strippingCredentials(_ text: String) -> String {
        guard let mark = text.firstIndex(of: "?") else { return text }
        let query = text[text.index(after: mark)...]
        if text.lowercased().hasPrefix("magnet:") {
            // A magnet is identified by its info-hash; its trackers may carry a passkey.
            let hashes = query.split(separator: "&").filter { $0.lowercased().hasPrefix("xt=") }
            return "magnet:?" + hashes.joined(separator: "&")
        }
        let separator = query.contains("&") || !query.contains(";") ? "&" : ";"
        let kept = query.split(whereSeparator: { $0 == "&" || $0 == ";" }).filter { item in
            !CredentialParameter.isCredential(item.split(separator: "=", maxSplits: 1).first ?? "")
        }
        let head = String(text[..<mark])
        return kept.isEmpty ? head : head + "?" + kept.joined(separator: separator)
    }

    /// `name=value` pairs of a URL's query, split on `&` and `;` (IPTorrents uses `;`).
    static func queryItems(of text: String) -> [(Substring, Substring)] {
        guard let mark = text.firstIndex(of: "?") else { return [] }
        let query = text[text.index(after: mark)...].prefix { $0 != "#" }
        return query.split(whereSeparator: { $0 == "&" || $0 == ";" }).map { item in
            guard let equals = item.firstIndex(of: "=") else { return (item, item[item.endIndex...]) }
            return (item[..<equals], item[item.index(after: equals)...])
        }
    }
}

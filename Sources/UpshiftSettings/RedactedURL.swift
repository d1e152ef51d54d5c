import Foundation

/// A URL as it may be printed: credentials masked, the rest kept so the owner can tell URLs apart.
///
/// Masks with `********`: the password of `user:password@`; the value of every query parameter
/// named like a credential (``CredentialParameter``: `passkey`, `tp`, `apikey`, `token`, …); any
/// query value, bare query item or path segment that looks like a key (16 or more characters of
/// letters and digits, both present); and a fragment that looks like a key. Query items may be
/// separated by `&` or `;` (IPTorrents writes `t.rss?u=1;tp=…;48;download`). Text that does not
/// parse as a URL (a typo in a setting) gets the same treatment piece by piece, with anything
/// before an `@` masked.
/// Over-masking a long slug is the accepted price of never printing a passkey.
public func redactedURL(_ url: URL) -> String {
    redactedURL(url.absoluteString)
}

/// The text form of ``redactedURL(_:)-(URL)``.
public func redactedURL(_ text: String) -> String {
    guard !text.isEmpty else { return "" }
    // URLComponents would percent-encode whitespace, and "%20" makes ordinary words look like keys.
    guard !text.contains(where: \.isWhitespace), var components = URLComponents(string: text) else {
        return URLRedaction.redactedText(text)
    }
    if components.percentEncodedPassword != nil {
        components.percentEncodedPassword = Secret.mask
    }
    components.percentEncodedPath = components.percentEncodedPath
        .split(separator: "/", omittingEmptySubsequences: false)
        .map { URLRedaction.looksLikeKey($0) ? Secret.mask : String($0) }
        .joined(separator: "/")
    if let query = components.percentEncodedQuery {
        components.percentEncodedQuery = URLRedaction.redactedQuery(query)
    }
    if let fragment = components.percentEncodedFragment, URLRedaction.looksLikeKey(fragment[...]) {
        components.percentEncodedFragment = Secret.mask
    }
    return components.string ?? Secret.mask
}

/// `text` (a feed item's guid or link, credentials already stripped) with every path segment that
/// looks like a key (a passkey in the path, as in `/rss/<passkey>/101`) replaced by `********` and
/// 12 hex digits of its FNV-1a hash, so two items still differ and nothing of the key is shown.
/// The query, if any, is kept as it is.
public func maskingKeyLikePathSegments(_ text: String) -> String {
    let end = text.firstIndex(of: "?") ?? text.endIndex
    let path = text[..<end].split(separator: "/", omittingEmptySubsequences: false).map { segment in
        URLRedaction.looksLikeKey(segment) ? Secret.mask + URLRedaction.digest(segment) : String(segment)
    }
    return path.joined(separator: "/") + text[end...]
}

/// The rules behind ``redactedURL(_:)-(String)``.
package enum URLRedaction {
    /// Best effort for text that is not a URL: user info, key-like words and path segments, and
    /// credential query values are masked.
    static func redactedText(_ text: String) -> String {
        var text = text
        if let at = text.lastIndex(of: "@") {
            let start = text.range(of: "://")?.upperBound ?? text.startIndex
            if start < at { text.replaceSubrange(start..<at, with: Secret.mask) }
        }
        let questionMark = text.firstIndex(of: "?") ?? text.endIndex
        var head = ""
        var word = Substring()
        for character in text[..<questionMark] {
            if character == "/" || character.isWhitespace {
                head += looksLikeKey(word) ? Secret.mask : String(word)
                head.append(character)
                word = Substring()
            } else {
                word.append(character)
            }
        }
        head += looksLikeKey(word) ? Secret.mask : String(word)
        guard questionMark < text.endIndex else { return head }
        let query = text[text.index(after: questionMark)...].split(separator: " ", omittingEmptySubsequences: false)
            .map { redactedQuery(String($0)) }.joined(separator: " ")
        return head + "?" + query
    }

    /// Masks the values of credential parameters and key-like items; keeps `&` and `;` separators.
    static func redactedQuery(_ query: String) -> String {
        var result = ""
        var item = Substring()
        var rest = query[...]
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "&" || $0 == ";" } ?? rest.endIndex
            item = rest[..<end]
            result += redactedQueryItem(item)
            if end < rest.endIndex {
                result.append(rest[end])
                rest = rest[rest.index(after: end)...]
            } else {
                rest = rest[rest.endIndex...]
            }
        }
        return result
    }

    /// One `name=value` or bare item, masked when it is or looks like a credential.
    private static func redactedQueryItem(_ item: Substring) -> String {
        guard let equals = item.firstIndex(of: "=") else {
            return looksLikeKey(item) ? Secret.mask : String(item)
        }
        let name = item[..<equals]
        let value = item[item.index(after: equals)...]
        let isSecretName = CredentialParameter.isCredential(name)
        guard !value.isEmpty, isSecretName || looksLikeKey(value) else { return String(item) }
        return "\(name)=\(Secret.mask)"
    }

    /// 12 hex digits of the FNV-1a hash of `text`: tells masked segments apart without revealing them.
    static func digest(_ text: Substring) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }

    /// True for 16 or more characters of letters, digits and `-_:.~+=%`, with at least one letter
    /// and one digit: passkeys, API keys, tokens and bot tokens (`123456:ABC…`).
    package static func looksLikeKey(_ text: Substring) -> Bool {
        guard text.count >= 16 else { return false }
        var hasLetter = false
        var hasDigit = false
        for character in text {
            if character.isASCII, character.isLetter {
                hasLetter = true
            } else if character.isASCII, character.isNumber {
                hasDigit = true
            } else if !"-_:.~+=%".contains(character) {
                return false
            }
        }
        return hasLetter && hasDigit
    }
}

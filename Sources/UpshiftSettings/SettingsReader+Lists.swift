import Foundation
import UpshiftCore

extension SettingsReader {
    /// `ipt_feed_urls`: a list of http(s) URLs. A bad entry is reported by index, never by value,
    /// because a feed URL carries the passkey.
    mutating func read(_ key: Key, into target: inout [FeedURL]) {
        guard let items = list(key) else { return }
        var feeds: [FeedURL] = []
        for (index, item) in items.enumerated() {
            let part = "\(key.rawValue)[\(index)]"
            guard case .string(let text) = item else {
                fail(key, "must be a string, got \(item.typeName)", part: part)
                continue
            }
            guard let feed = FeedURL(string: text.trimmingCharacters(in: .whitespaces)) else {
                fail(key, "must be an http or https URL", part: part)
                continue
            }
            feeds.append(feed)
        }
        target = feeds
    }

    /// `path_mappings`: a list of `{"from": "...", "to": "..."}` with non-empty strings.
    mutating func read(_ key: Key, into target: inout [PathMapping]) {
        guard let items = list(key) else { return }
        var mappings: [PathMapping] = []
        for (index, item) in items.enumerated() {
            let part = "\(key.rawValue)[\(index)]"
            guard case .object(let fields) = item else {
                fail(key, "must be an object with \"from\" and \"to\", got \(item.typeName)", part: part)
                continue
            }
            let from = mappingField("from", of: fields, key: key, part: part)
            let to = mappingField("to", of: fields, key: key, part: part)
            for unknown in fields.keys.sorted() where unknown != "from" && unknown != "to" {
                warn(key, "\"\(part)\" has unknown key \"\(unknown)\", which is ignored")
            }
            if let from, let to { mappings.append(PathMapping(from: from, to: to)) }
        }
        target = mappings
    }

    /// `auto_approve`: a list of the notifying decision kinds.
    mutating func read(_ key: Key, into target: inout Set<DecisionKind>) {
        guard let items = list(key) else { return }
        let allowed = DecisionKind.allCases.filter(\.isUpgrade)
        let allowedText = allowed.map(\.rawValue).joined(separator: ", ")
        var kinds = Set<DecisionKind>()
        for (index, item) in items.enumerated() {
            let part = "\(key.rawValue)[\(index)]"
            guard case .string(let text) = item else {
                fail(key, "must be a string, got \(item.typeName)", part: part)
                continue
            }
            guard let kind = DecisionKind(rawValue: text.trimmingCharacters(in: .whitespaces)), kind.isUpgrade
            else {
                fail(key, "must be one of \(allowedText), got \"\(text)\"", part: part)
                continue
            }
            kinds.insert(kind)
        }
        target = kinds
    }

    /// `web_allowed_hosts`: a list of host names or IP addresses (IPv6 with or without brackets),
    /// kept normalised (``WebHostName/normalized(_:)``); a port or a scheme is an error.
    mutating func readHosts(_ key: Key, into target: inout [String]) {
        guard let items = list(key) else { return }
        var hosts: [String] = []
        for (index, item) in items.enumerated() {
            let part = "\(key.rawValue)[\(index)]"
            guard case .string(let text) = item else {
                fail(key, "must be a string, got \(item.typeName)", part: part)
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let host = WebHostName.normalized(trimmed) else {
                fail(key, "must be a host name or address without a scheme or port, got \"\(trimmed)\"", part: part)
                continue
            }
            hosts.append(host)
        }
        target = hosts
    }

    // MARK: - Helpers

    /// The value as a list; a non-list is reported.
    private mutating func list(_ key: Key) -> [JSONValue]? {
        guard let raw = value(key) else { return nil }
        guard case .array(let items) = raw else {
            fail(key, "must be a list, got \(raw.typeName)")
            return nil
        }
        return items
    }

    /// One non-empty string field of a path mapping.
    private mutating func mappingField(
        _ name: String, of fields: [String: JSONValue], key: Key, part: String
    ) -> String? {
        guard let raw = fields[name], raw != .null else {
            fail(key, "is missing \"\(name)\"", part: part)
            return nil
        }
        guard case .string(let text) = raw else {
            fail(key, "\"\(name)\" must be a string, got \(raw.typeName)", part: part)
            return nil
        }
        guard !text.isEmpty else {
            fail(key, "\"\(name)\" must not be empty", part: part)
            return nil
        }
        return text
    }
}

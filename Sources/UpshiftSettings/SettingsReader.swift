import Foundation
import UpshiftCore

/// Reads typed settings out of untyped JSON values, collecting every problem by key instead of
/// stopping at the first. Absent keys and `null` keep the default.
struct SettingsReader {
    /// The settings keys.
    typealias Key = Settings.CodingKeys

    /// The values by key, from the file with environment overrides applied.
    let values: [String: JSONValue]
    /// Where each value came from; keys not listed came from ``defaultSource``.
    let sources: [String: SettingSource]
    /// The source of values not listed in ``sources``.
    let defaultSource: SettingSource
    /// Problems found so far.
    private(set) var errors: [SettingsError] = []
    /// Notes about ignored parts (unknown keys inside entries).
    private(set) var warnings: [String] = []

    /// Reads `values`; `sources` names where overridden values came from.
    init(values: [String: JSONValue], sources: [String: SettingSource] = [:], defaultSource: SettingSource) {
        self.values = values
        self.sources = sources
        self.defaultSource = defaultSource
    }

    // MARK: - Scalars

    /// A JSON boolean.
    mutating func read(_ key: Key, into target: inout Bool) {
        guard let raw = value(key) else { return }
        guard case .bool(let value) = raw else { return fail(key, "must be true or false, got \(raw.typeName)") }
        target = value
    }

    /// A JSON integer within `range`.
    mutating func read(_ key: Key, into target: inout Int, in range: ClosedRange<Int>) {
        guard let raw = value(key) else { return }
        guard case .integer(let value) = raw else { return fail(key, "must be an integer, got \(raw.typeName)") }
        guard range.contains(value) else { return fail(key, "must be \(describe(range)), got \(value)") }
        target = value
    }

    /// A JSON number of at least `minimum`.
    mutating func read(_ key: Key, into target: inout Double, minimum: Double) {
        guard let raw = value(key) else { return }
        let number: Double
        switch raw {
        case .integer(let value): number = Double(value)
        case .number(let value): number = value
        default: return fail(key, "must be a number, got \(raw.typeName)")
        }
        guard number >= minimum, number.isFinite else {
            return fail(key, "must be \(Self.format(minimum)) or more, got \(Self.format(number))")
        }
        target = number
    }

    /// A JSON string, empty only when allowed.
    mutating func read(_ key: Key, into target: inout String, allowEmpty: Bool = true) {
        guard let text = string(key) else { return }
        guard allowEmpty || !text.isEmpty else { return fail(key, "must not be empty") }
        target = text
    }

    /// A JSON string kept as a ``Secret``.
    mutating func read(_ key: Key, into target: inout Secret) {
        guard let text = string(key) else { return }
        target = Secret(text)
    }

    // MARK: - URLs and hosts

    /// An optional URL: an empty string means "not used".
    mutating func read(_ key: Key, into target: inout URL?) {
        guard let text = string(key) else { return }
        if text.isEmpty {
            target = nil
            return
        }
        guard let url = HTTPURLValidation.httpURL(text) else { return failURL(key, text) }
        target = url
    }

    /// A required http(s) URL.
    mutating func read(_ key: Key, into target: inout URL) {
        guard let text = string(key) else { return }
        guard let url = HTTPURLValidation.httpURL(text) else { return failURL(key, text) }
        target = url
    }

    /// `qbittorrent_host`: a bare host name or address, or an http(s) URL.
    mutating func readHost(_ key: Key, into target: inout String) {
        guard let text = string(key)?.trimmingCharacters(in: .whitespaces) else { return }
        if text.contains("://") {
            guard HTTPURLValidation.httpURL(text) != nil else { return failURL(key, text) }
        } else if text.isEmpty {
            return fail(key, "must not be empty")
        } else if !Self.isBareHost(text) {
            return fail(
                key,
                "must be a host name without a port (see \"qbittorrent_port\") or an http(s) URL, "
                    + "got \"\(text)\"")
        }
        target = text
    }

    /// `telegram_chat_id`: a number (JSON integer or string) or an `@channel` name; empty when unset.
    mutating func readChatID(_ key: Key, into target: inout String) {
        guard let raw = value(key) else { return }
        switch raw {
        case .integer(let value):
            target = String(value)
        case .string(let text):
            let text = text.trimmingCharacters(in: .whitespaces)
            guard text.isEmpty || Int64(text) != nil || Self.isChannelName(text) else {
                return fail(key, "must be a chat number or an @channel name, got \"\(text)\"")
            }
            target = text
        default:
            fail(key, "must be an integer or a string, got \(raw.typeName)")
        }
    }

    // MARK: - Helpers

    /// The value of a key, `nil` when absent or `null`.
    func value(_ key: Key) -> JSONValue? {
        guard let raw = values[key.rawValue], raw != .null else { return nil }
        return raw
    }

    /// The value as a string; a non-string is reported.
    mutating func string(_ key: Key) -> String? {
        guard let raw = value(key) else { return nil }
        guard case .string(let text) = raw else {
            fail(key, "must be a string, got \(raw.typeName)")
            return nil
        }
        return text
    }

    /// Records a problem with `key` (or with a part of it, such as `path_mappings[1]`).
    mutating func fail(_ key: Key, _ problem: String, part: String? = nil) {
        let source = sources[key.rawValue] ?? defaultSource
        errors.append(.invalidSetting(source: source, key: part ?? key.rawValue, problem: problem))
    }

    /// Records a warning about `key`, prefixed by its source.
    mutating func warn(_ key: Key, _ message: String) {
        let source = sources[key.rawValue] ?? defaultSource
        warnings.append("\(source.prefix)\(message)")
    }

    private mutating func failURL(_ key: Key, _ text: String) {
        fail(key, "must be an http or https URL, got \"\(redactedURL(text))\"")
    }

    private func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == .max ? "\(range.lowerBound) or more" : "between \(range.lowerBound) and \(range.upperBound)"
    }

    /// A number as a person writes it: `2`, not `2.0`.
    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// Letters, digits, `.`, `-` and `_`, or a bracketed IPv6 address.
    static func isBareHost(_ text: String) -> Bool {
        if text.hasPrefix("["), text.hasSuffix("]") { return text.count > 2 }
        return text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    /// `@` followed by letters, digits or `_`.
    private static func isChannelName(_ text: String) -> Bool {
        text.count > 1 && text.hasPrefix("@")
            && text.dropFirst().allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }
}

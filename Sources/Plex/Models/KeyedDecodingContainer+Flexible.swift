import UpshiftCore

/// Tolerant readers for Plex JSON, which mirrors XML attributes: ids may be strings or numbers and
/// booleans may be `true`, `1` or `"1"` depending on the server version (reference: plex.md).
/// A value of an unexpected shape reads as nil rather than failing the whole reply.
extension KeyedDecodingContainer {
    /// A string, or a number written as text.
    func flexibleString(_ key: Key) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return String(value) }
        return nil
    }

    /// An integer from a number (whole) or a numeric string.
    func flexibleInt64(_ key: Key) -> Int64? {
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Double.self, forKey: key), value.isFinite,
            value.rounded() == value, abs(value) < 9e18
        {
            return Int64(value)
        }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return Int64(text.trimmingSpaces) }
        return nil
    }

    /// An `Int` from a number or a numeric string.
    func flexibleInt(_ key: Key) -> Int? {
        flexibleInt64(key).flatMap { Int(exactly: $0) }
    }

    /// A double from a number or a numeric string.
    func flexibleDouble(_ key: Key) -> Double? {
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return value }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return Double(text.trimmingSpaces) }
        return nil
    }

    /// A boolean from `true`/`false`, `1`/`0` or `"1"`/`"0"`/`"true"`/`"false"`.
    func flexibleBool(_ key: Key) -> Bool? {
        if let value = try? decodeIfPresent(Bool.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Int64.self, forKey: key) { return value != 0 }
        if let text = try? decodeIfPresent(String.self, forKey: key) {
            switch text.trimmingSpaces.lowercased() {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            default: return nil
            }
        }
        return nil
    }

    /// An array of `T`, empty when absent or null; elements that do not decode are dropped.
    func flexibleArray<T: Decodable>(_ key: Key, of type: T.Type = T.self) -> [T] {
        guard var items = try? nestedUnkeyedContainer(forKey: key) else { return [] }
        var result: [T] = []
        while !items.isAtEnd {
            if let item = try? items.decode(T.self) {
                result.append(item)
            } else if (try? items.decode(Skipped.self)) == nil {
                break
            }
        }
        return result
    }
}

/// Consumes one JSON value of any shape.
private struct Skipped: Decodable {
    init(from decoder: any Decoder) throws {}
}

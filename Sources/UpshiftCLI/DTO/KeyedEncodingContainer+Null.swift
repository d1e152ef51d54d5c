extension KeyedEncodingContainer {
    /// Encodes the value, or an explicit JSON `null` when it is `nil` (where `encodeIfPresent`
    /// would leave the key out): the wire formats of SPEC §3 and §5 list every key.
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}

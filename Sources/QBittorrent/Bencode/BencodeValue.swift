/// One decoded bencode value. Byte strings are slices of the reader's buffer (no copy), and every
/// dictionary value remembers the byte range it was read from, so the info-hash can be taken over
/// the original bytes instead of a re-encoding.
indirect enum BencodeValue: Sendable {
    /// `i42e`.
    case integer(Int64)
    /// `4:spam`.
    case bytes(ArraySlice<UInt8>)
    /// `l…e`.
    case list([BencodeValue])
    /// `d…e`, in file order.
    case dictionary(BencodeDictionary)

    /// The integer, if this is one.
    var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The byte string, if this is one.
    var bytes: ArraySlice<UInt8>? {
        if case .bytes(let value) = self { return value }
        return nil
    }

    /// The byte string decoded as UTF-8 (invalid sequences replaced), if this is one.
    var string: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The list, if this is one.
    var list: [BencodeValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    /// The dictionary, if this is one.
    var dictionary: BencodeDictionary? {
        if case .dictionary(let value) = self { return value }
        return nil
    }
}

/// A bencode dictionary: its entries in file order, each with the byte range of its value.
struct BencodeDictionary: Sendable {
    /// One `key value` pair.
    struct Entry: Sendable {
        /// The key bytes.
        var key: ArraySlice<UInt8>
        /// The decoded value.
        var value: BencodeValue
        /// Where the value's encoding sits in the reader's buffer.
        var range: Range<Int>
    }

    /// Every entry in file order (duplicates kept; lookups take the first).
    var entries: [Entry]

    /// The first entry whose key is `key` (UTF-8).
    func entry(_ key: String) -> Entry? {
        let wanted = Array(key.utf8)
        return entries.first { $0.key.elementsEqual(wanted) }
    }

    /// The value for `key`, if present.
    subscript(_ key: String) -> BencodeValue? { entry(key)?.value }
}

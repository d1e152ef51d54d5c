/// A strict, bounded bencode reader (BEP 3): canonical integers, byte strings whose declared length
/// must fit in the data, string keys, and nesting capped at ``maxDepth`` so hostile input can
/// neither crash nor exhaust the stack. Every failure is ``QBittorrentError/invalidTorrent(_:)`` with an offset.
struct BencodeReader {
    /// Deepest nesting of lists and dictionaries accepted (real torrents use about 4).
    static let maxDepth = 64
    /// Longest run of digits in a length or integer (19 digits always fit in `Int64`).
    private static let maxDigits = 19

    private let bytes: [UInt8]
    private var index = 0

    /// A reader over `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Reads exactly one value covering the whole buffer.
    static func readDocument(_ bytes: [UInt8]) throws(QBittorrentError) -> BencodeValue {
        var reader = BencodeReader(bytes)
        let value = try reader.readValue(depth: 0)
        guard reader.index == bytes.count else { throw .invalidTorrent(.trailingData(offset: reader.index)) }
        return value
    }

    /// Reads the value that starts at the current index.
    mutating func readValue(depth: Int) throws(QBittorrentError) -> BencodeValue {
        guard index < bytes.count else { throw .invalidTorrent(.truncated(offset: index)) }
        switch bytes[index] {
        case UInt8(ascii: "i"):
            return .integer(try readInteger())
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .bytes(try readString())
        case UInt8(ascii: "l"):
            guard depth < Self.maxDepth else { throw .invalidTorrent(.nestingTooDeep(limit: Self.maxDepth)) }
            index += 1
            var items: [BencodeValue] = []
            while try !atEnd() { items.append(try readValue(depth: depth + 1)) }
            return .list(items)
        case UInt8(ascii: "d"):
            guard depth < Self.maxDepth else { throw .invalidTorrent(.nestingTooDeep(limit: Self.maxDepth)) }
            index += 1
            var entries: [BencodeDictionary.Entry] = []
            while try !atEnd() {
                guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
                    throw .invalidTorrent(.malformed(offset: index, reason: "a dictionary key is not a byte string"))
                }
                let key = try readString()
                let start = index
                let value = try readValue(depth: depth + 1)
                entries.append(.init(key: key, value: value, range: start..<index))
            }
            return .dictionary(BencodeDictionary(entries: entries))
        default:
            throw .invalidTorrent(.malformed(offset: index, reason: "unexpected byte \(Self.hex(bytes[index]))"))
        }
    }

    // MARK: - Pieces

    /// True (and consumes the `e`) at the end of a list or dictionary.
    private mutating func atEnd() throws(QBittorrentError) -> Bool {
        guard index < bytes.count else { throw .invalidTorrent(.truncated(offset: index)) }
        if bytes[index] == UInt8(ascii: "e") {
            index += 1
            return true
        }
        return false
    }

    /// `i<canonical decimal>e`: no leading zeros, no `-0`, fits in `Int64`.
    private mutating func readInteger() throws(QBittorrentError) -> Int64 {
        let start = index
        index += 1
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let digitsStart = index
        let magnitude = try readDigits(start: start)
        guard index < bytes.count else { throw .invalidTorrent(.truncated(offset: index)) }
        guard bytes[index] == UInt8(ascii: "e"), index > digitsStart else {
            throw .invalidTorrent(.malformed(offset: start, reason: "an integer is not written as i<digits>e"))
        }
        let digitCount = index - digitsStart
        if (bytes[digitsStart] == UInt8(ascii: "0") && digitCount > 1) || (negative && magnitude == 0) {
            throw .invalidTorrent(.malformed(offset: start, reason: "an integer is not in canonical form"))
        }
        index += 1
        return negative ? -magnitude : magnitude
    }

    /// `<length>:<bytes>`; the length must be canonical and fit in the remaining data.
    private mutating func readString() throws(QBittorrentError) -> ArraySlice<UInt8> {
        let start = index
        let length = try readDigits(start: start)
        guard index < bytes.count else { throw .invalidTorrent(.truncated(offset: index)) }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw .invalidTorrent(.malformed(offset: start, reason: "a string length is not followed by ':'"))
        }
        if bytes[start] == UInt8(ascii: "0") && index - start > 1 {
            throw .invalidTorrent(.malformed(offset: start, reason: "a string length has leading zeros"))
        }
        index += 1
        guard length <= Int64(TorrentFile.maxSize) else { throw .invalidTorrent(.lengthOutOfRange(offset: start)) }
        let end = index + Int(length)
        guard end <= bytes.count else { throw .invalidTorrent(.truncated(offset: bytes.count)) }
        defer { index = end }
        return bytes[index..<end]
    }

    /// Up to ``maxDigits`` ASCII digits as a non-negative number.
    private mutating func readDigits(start: Int) throws(QBittorrentError) -> Int64 {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            count += 1
            guard count <= Self.maxDigits else { throw .invalidTorrent(.lengthOutOfRange(offset: start)) }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw .invalidTorrent(.lengthOutOfRange(offset: start)) }
            value = sum
            index += 1
        }
        return value
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}

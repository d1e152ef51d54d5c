/// The header of one EBML element: its ID and where its data lies.
struct EBMLElement: Sendable, Hashable {
    /// The ID with its length marker, as the Matroska specification writes it (`0x1A45DFA3`).
    var id: UInt32
    /// The offset of the ID's first byte.
    var start: Int64
    /// The offset of the data's first byte.
    var dataStart: Int64
    /// The data size, or `nil` for "unknown" (all ones: the element runs until a sibling or
    /// parent-level element starts).
    var size: Int64?

    /// The offset just past the data; `nil` for an unknown size.
    var end: Int64? { size.map { dataStart + $0 } }

    /// The largest header: a four-byte ID and an eight-byte size.
    static let maxHeaderSize = 12

    /// Reads the header at `offset`; `nil` when the source ends exactly there.
    static func read(at offset: Int64, _ reader: inout SourceReader) async throws -> EBMLElement? {
        try reader.countElement()
        let bytes = try await reader.bytes(at: offset, count: maxHeaderSize)
        if bytes.isEmpty { return nil }
        switch parse(bytes, at: 0, offset: offset) {
        case .element(let element, _): return element
        case .truncated: throw ProbeError.truncated("a Matroska element header at byte \(offset)")
        case .invalid: throw ProbeError.malformed("the Matroska element at byte \(offset) has an invalid ID or size")
        }
    }

    /// The outcome of parsing a header from memory.
    enum Parsed: Sendable, Hashable {
        /// A header of `length` bytes.
        case element(EBMLElement, length: Int)
        /// The bytes end inside the header.
        case truncated
        /// The ID or size is not a valid variable-length integer.
        case invalid
    }

    /// Parses the header at `index` of `bytes`, whose first byte is at source offset `offset`.
    static func parse(_ bytes: [UInt8], at index: Int, offset: Int64) -> Parsed {
        guard index < bytes.count else { return .truncated }
        let idLength = bytes[index].leadingZeroBitCount + 1
        guard idLength <= 4 else { return .invalid }
        let sizeIndex = index + idLength
        guard sizeIndex < bytes.count else { return .truncated }
        let sizeLength = bytes[sizeIndex].leadingZeroBitCount + 1
        guard sizeLength <= 8 else { return .invalid }
        guard sizeIndex + sizeLength <= bytes.count else { return .truncated }
        let id = UInt32(bytes.bigEndian(at: index, count: idLength))
        var size = UInt64(bytes[sizeIndex]) & (0xFF >> UInt64(sizeLength))
        for byte in bytes[(sizeIndex + 1)..<(sizeIndex + sizeLength)] { size = size << 8 | UInt64(byte) }
        let unknown = size == (UInt64(1) << UInt64(7 * sizeLength)) - 1
        let length = idLength + sizeLength
        let element = EBMLElement(
            id: id, start: offset, dataStart: offset + Int64(length), size: unknown ? nil : Int64(size))
        return .element(element, length: length)
    }

    /// The unsigned integer in an element's data (at most eight bytes; longer is `nil`).
    static func unsigned(_ data: ArraySlice<UInt8>) -> UInt64? {
        guard data.count <= 8 else { return nil }
        return data.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The (ID, data) pairs of the elements in `data`, the data of the element called `name`;
    /// each must have a known size within it.
    static func children(of data: ArraySlice<UInt8>, in name: String = "Tracks") throws -> [(UInt32, ArraySlice<UInt8>)]
    {
        let bytes = Array(data)
        var result: [(UInt32, ArraySlice<UInt8>)] = []
        var index = 0
        while index < bytes.count {
            guard case .element(let element, let length) = EBMLElement.parse(bytes, at: index, offset: 0),
                let size = element.size, size <= Int64(bytes.count - index - length)
            else { throw ProbeError.malformed("the Matroska \(name) element is corrupt") }
            let start = index + length
            result.append((element.id, data[(data.startIndex + start)..<(data.startIndex + start + Int(size))]))
            index = start + Int(size)
        }
        return result
    }
}

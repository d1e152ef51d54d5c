/// The header of one ISO base media box (MP4, MOV): its type and where its data lies.
struct MP4Box: Sendable, Hashable {
    /// The four-character type as a big-endian integer (see ``fourCC(_:)``).
    var type: UInt32
    /// The offset of the box's first byte.
    var start: Int64
    /// The offset of the first byte after the header.
    var dataStart: Int64
    /// The offset just past the box.
    var end: Int64

    /// The size of the data after the header.
    var dataSize: Int64 { end - dataStart }

    /// Reads the header at `offset`; `nil` when the source ends exactly there. A box inside a
    /// parent must end within `parentEnd`; a top-level box (`parentEnd` `nil`) may claim bytes
    /// past the end of the file, which the caller reports as truncation when it needs them.
    static func read(at offset: Int64, parentEnd: Int64?, _ reader: inout SourceReader) async throws -> MP4Box? {
        try reader.countElement()
        let header = try await reader.bytes(at: offset, count: 16)
        if header.isEmpty { return nil }
        guard header.count >= 8, let size32 = header.uint32(at: 0), let type = header.uint32(at: 4) else {
            throw ProbeError.truncated("an MP4 box header at byte \(offset)")
        }
        var headerSize: Int64 = 8
        var size = Int64(size32)
        switch size32 {
        case 0:
            size = (parentEnd ?? reader.length) - offset
        case 1:
            guard header.count >= 16 else { throw ProbeError.truncated("an MP4 box header at byte \(offset)") }
            let large = header.bigEndian(at: 8, count: 8)
            guard large <= UInt64(Int64.max / 2) else { throw invalid(offset) }
            size = Int64(large)
            headerSize = 16
        default:
            break
        }
        guard size >= headerSize else { throw invalid(offset) }
        let box = MP4Box(type: type, start: offset, dataStart: offset + headerSize, end: offset + size)
        if let parentEnd, box.end > parentEnd { throw invalid(offset) }
        return box
    }

    /// The boxes directly inside `self`, headers only.
    func children(_ reader: inout SourceReader) async throws -> [MP4Box] {
        var result: [MP4Box] = []
        var position = dataStart
        while position < end {
            guard let child = try await MP4Box.read(at: position, parentEnd: end, &reader) else {
                throw ProbeError.truncated("the MP4 box at byte \(start)")
            }
            result.append(child)
            position = child.end
        }
        return result
    }

    /// The first child of type `type`, headers only.
    func child(_ type: UInt32, _ reader: inout SourceReader) async throws -> MP4Box? {
        try await children(&reader).first { $0.type == type }
    }

    /// The first `count` bytes of the data (all of it when shorter); throws when the file ends first.
    func data(prefix count: Int64, _ reader: inout SourceReader) async throws -> [UInt8] {
        let wanted = Int(min(count, dataSize))
        return try await reader.exactly(at: dataStart, count: wanted, in: "the MP4 box at byte \(start)")
    }

    /// The (type, data) pairs of the boxes in `data`, which must fit in it exactly.
    static func children(in data: ArraySlice<UInt8>) -> [(UInt32, ArraySlice<UInt8>)]? {
        let bytes = Array(data)
        var result: [(UInt32, ArraySlice<UInt8>)] = []
        var index = 0
        while index < bytes.count {
            guard let size = bytes.uint32(at: index), let type = bytes.uint32(at: index + 4),
                size >= 8, Int(size) <= bytes.count - index
            else { return nil }
            let base = data.startIndex + index
            result.append((type, data[(base + 8)..<(base + Int(size))]))
            index += Int(size)
        }
        return result
    }

    private static func invalid(_ offset: Int64) -> ProbeError {
        .malformed("the MP4 box at byte \(offset) has an invalid size")
    }
}

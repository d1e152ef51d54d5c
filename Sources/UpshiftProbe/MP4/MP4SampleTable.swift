/// The first samples of a track from its sample table (`stbl`): offsets from `stco`/`co64`,
/// sizes from `stsz`, and the samples per chunk from `stsc`. Only the first few entries of
/// each table are read, never a whole table.
enum MP4SampleTable {
    /// The first `count` samples of the table `stbl` (fewer when it has fewer; none for a
    /// fragmented file, whose samples are in `moof` boxes).
    static func firstSamples(_ count: Int, stbl: MP4Box, _ reader: inout SourceReader) async throws -> [FrameRegion] {
        let children = try await stbl.children(&reader)
        guard let stsz = children.first(where: { $0.type == fourCC("stsz") }) else { return [] }
        let sizes = try await sampleSizes(count, stsz, &reader)
        guard !sizes.isEmpty else { return [] }
        let offsets: [Int64]
        if let stco = children.first(where: { $0.type == fourCC("stco") }) {
            offsets = try await entries(count, of: stco, width: 4, &reader).map { Int64($0) }
        } else if let co64 = children.first(where: { $0.type == fourCC("co64") }) {
            offsets = try await entries(count, of: co64, width: 8, &reader).map {
                Int64(min($0, UInt64(Int64.max / 2)))
            }
        } else {
            throw ProbeError.malformed("the MP4 sample table at byte \(stbl.start) has no chunk offsets")
        }
        var runs: [(firstChunk: UInt64, samples: UInt64)] = []
        if let stsc = children.first(where: { $0.type == fourCC("stsc") }) {
            let flat = try await entries(count, of: stsc, width: 4, fields: 3, &reader)
            runs = stride(from: 0, to: flat.count - 2, by: 3).map { (flat[$0], flat[$0 + 1]) }
        }
        var samples: [FrameRegion] = []
        for (chunkIndex, chunkOffset) in offsets.enumerated() where samples.count < sizes.count {
            let chunk = UInt64(chunkIndex + 1)
            let perChunk = runs.last { $0.firstChunk <= chunk }?.samples ?? 1
            var offset = chunkOffset
            for _ in 0..<min(perChunk, UInt64(sizes.count - samples.count)) {
                let size = sizes[samples.count]
                samples.append(FrameRegion(offset: offset, size: size))
                offset += size
            }
        }
        return samples
    }

    /// The first `count` sample sizes of an `stsz` box.
    private static func sampleSizes(_ count: Int, _ stsz: MP4Box, _ reader: inout SourceReader) async throws
        -> [Int64]
    {
        let head = try await stsz.data(prefix: 12, &reader)
        guard let fixed = head.uint32(at: 4), let total = head.uint32(at: 8) else {
            throw ProbeError.malformed("the MP4 stsz box at byte \(stsz.start) is corrupt")
        }
        let wanted = min(count, Int(total))
        if fixed != 0 { return Array(repeating: Int64(fixed), count: wanted) }
        let data = try await stsz.data(prefix: 12 + 4 * Int64(wanted), &reader)
        guard data.count == 12 + 4 * wanted else {
            throw ProbeError.malformed("the MP4 stsz box at byte \(stsz.start) is shorter than its count")
        }
        return (0..<wanted).map { Int64(data.bigEndian(at: 12 + 4 * $0, count: 4)) }
    }

    /// The fields of the first `count` entries of a full box whose data is version and flags, an
    /// entry count, then entries of `fields` integers `width` bytes wide (`stco`, `co64`, `stsc`).
    private static func entries(
        _ count: Int, of box: MP4Box, width: Int, fields: Int = 1, _ reader: inout SourceReader
    ) async throws -> [UInt64] {
        let head = try await box.data(prefix: 8, &reader)
        guard let total = head.uint32(at: 4) else {
            throw ProbeError.malformed("the MP4 box at byte \(box.start) is corrupt")
        }
        let wanted = min(count, Int(total)) * fields
        let data = try await box.data(prefix: 8 + Int64(width * wanted), &reader)
        guard data.count == 8 + width * wanted else {
            throw ProbeError.malformed("the MP4 box at byte \(box.start) is shorter than its entry count")
        }
        return (0..<wanted).map { data.bigEndian(at: 8 + width * $0, count: width) }
    }
}

/// The first samples of a track in a movie fragment (`moof` > `traf` > `tfhd`/`trun`), as
/// fragmented MP4 files store them.
enum MP4Fragment {
    /// The first `count` samples of track `trackID` in `moof`; empty when the fragment has none.
    /// `defaultSize` is the track's `trex` default sample size.
    static func firstSamples(
        _ count: Int, trackID: UInt32, defaultSize: UInt32?, moof: MP4Box, _ reader: inout SourceReader
    ) async throws -> [FrameRegion] {
        for traf in try await moof.children(&reader) where traf.type == fourCC("traf") {
            let children = try await traf.children(&reader)
            guard let tfhd = children.first(where: { $0.type == fourCC("tfhd") }) else { continue }
            guard let header = try await TrackFragmentHeader(tfhd, moof: moof, &reader) else {
                throw corrupt(tfhd)
            }
            guard header.trackID == trackID else { continue }
            var samples: [FrameRegion] = []
            var position = header.base
            for trun in children where trun.type == fourCC("trun") && samples.count < count {
                try await readRun(
                    trun, header: header, defaultSize: defaultSize, position: &position, into: &samples,
                    limit: count, &reader)
            }
            return samples
        }
        return []
    }

    /// The fields of a `tfhd` the samples depend on.
    private struct TrackFragmentHeader {
        var trackID: UInt32
        var base: Int64
        var defaultSize: UInt32?

        init?(_ tfhd: MP4Box, moof: MP4Box, _ reader: inout SourceReader) async throws {
            let data = try await tfhd.data(prefix: 40, &reader)
            guard let flagWord = data.uint32(at: 0), let trackID = data.uint32(at: 4) else { return nil }
            let flags = flagWord & 0xFF_FFFF
            self.trackID = trackID
            var index = 8
            base = moof.start  // default-base-is-moof, and the rule for the first traf without it
            if flags & 0x1 != 0 {
                guard data.count >= index + 8 else { return nil }
                base = Int64(min(data.bigEndian(at: index, count: 8), UInt64(Int64.max / 2)))
                index += 8
            }
            if flags & 0x2 != 0 { index += 4 }
            if flags & 0x8 != 0 { index += 4 }
            if flags & 0x10 != 0 {
                guard let size = data.uint32(at: index) else { return nil }
                defaultSize = size
            }
        }
    }

    /// Appends the samples of one `trun` until `samples` holds `limit`.
    private static func readRun(
        _ trun: MP4Box, header: TrackFragmentHeader, defaultSize: UInt32?, position: inout Int64,
        into samples: inout [FrameRegion], limit: Int, _ reader: inout SourceReader
    ) async throws {
        let head = try await trun.data(prefix: 12, &reader)
        guard let flagWord = head.uint32(at: 0), let sampleCount = head.uint32(at: 4) else { throw corrupt(trun) }
        let flags = flagWord & 0xFF_FFFF
        var fieldsStart = 8
        if flags & 0x1 != 0 {
            guard let offset = head.uint32(at: 8) else { throw corrupt(trun) }
            position = header.base + Int64(Int32(bitPattern: offset))
            fieldsStart += 4
        }
        if flags & 0x4 != 0 { fieldsStart += 4 }
        let perSample = [0x100, 0x200, 0x400, 0x800].filter { flags & $0 != 0 }.count * 4
        let sizeField = flags & 0x100 != 0 ? 4 : 0
        let wanted = min(limit - samples.count, Int(sampleCount))
        let data = try await trun.data(prefix: Int64(fieldsStart + perSample * wanted), &reader)
        guard data.count == fieldsStart + perSample * wanted else { throw corrupt(trun) }
        for index in 0..<wanted {
            let size: Int64
            if flags & 0x200 != 0 {
                size = Int64(data.bigEndian(at: fieldsStart + perSample * index + sizeField, count: 4))
            } else if let fixed = header.defaultSize ?? defaultSize {
                size = Int64(fixed)
            } else {
                throw ProbeError.malformed("the MP4 trun box at byte \(trun.start) has no sample size")
            }
            guard position >= 0 else { throw corrupt(trun) }
            samples.append(FrameRegion(offset: position, size: size))
            position += size
        }
    }

    private static func corrupt(_ box: MP4Box) -> ProbeError {
        .malformed("the MP4 movie fragment box at byte \(box.start) is corrupt")
    }
}

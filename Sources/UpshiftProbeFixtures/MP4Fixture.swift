/// Builds a small MP4 file around video access units: `ftyp`, `moov` (an audio `trak` first,
/// then the HEVC video `trak` with `hvcC` and an optional Dolby Vision record) and `mdat`, with
/// `moov` before or after `mdat`; or, fragmented, an empty sample table, `mvex` and one `moof`.
public struct MP4Fixture: Sendable {
    /// The video access units, in order.
    public var frames: [[UInt8]]
    /// The video sample entry type: `hvc1`, `hev1`, `dvh1`, `dvhe`, or e.g. `avc1`.
    public var sampleEntryType = "hvc1"
    /// The `hvcC` record.
    public var hvcC = HEVCFixture.hvcC()
    /// The `dvcC` record, if any.
    public var doviRecord: [UInt8]?
    /// `moov` after `mdat`, as many encoders write it.
    public var moovAtEnd = false
    /// Samples in a movie fragment (`moof`) instead of the sample table.
    public var fragmented = false
    /// Bytes of audio in `mdat` before the video.
    public var audioBytes = 1000
    /// `mdat` has a 64-bit size.
    public var largeMdat = false
    /// A cover-art video track (`jpeg`, no samples) comes before the HEVC track.
    public var coverTrackFirst = false

    /// A file whose video track holds `frames`.
    public init(frames: [[UInt8]]) {
        self.frames = frames
    }

    private static let videoTrackID: UInt32 = 1
    private static let audioTrackID: UInt32 = 2

    /// The file.
    public func bytes() -> [UInt8] {
        let ftyp = MP4Writer.box("ftyp", Array("isom".utf8) + MP4Writer.u32(0x200) + Array("isomiso6dby1".utf8))
        let audio = HEVCFixture.filler(audioBytes, seed: 3)
        let mdatPayload = audio + frames.flatMap { $0 }
        let mdat = largeMdat ? MP4Writer.largeBox("mdat", mdatPayload) : MP4Writer.box("mdat", mdatPayload)
        let mdatHeader = mdat.count - mdatPayload.count
        if fragmented {
            let moov = moovBox(dataStart: nil)
            let moofSize = moof(dataOffset: 0).count
            return ftyp + moov + moof(dataOffset: moofSize + mdatHeader) + mdat
        }
        if moovAtEnd { return ftyp + mdat + moovBox(dataStart: ftyp.count + mdatHeader) }
        let moovSize = moovBox(dataStart: 0).count
        return ftyp + moovBox(dataStart: ftyp.count + moovSize + mdatHeader) + mdat
    }

    // MARK: - moov

    /// `moov`; `dataStart` is where `mdat`'s data begins, `nil` for empty sample tables.
    private func moovBox(dataStart: Int?) -> [UInt8] {
        let mvhd = MP4Writer.fullBox(
            "mvhd",
            MP4Writer.u32(0) + MP4Writer.u32(0) + MP4Writer.u32(1000) + MP4Writer.u32(0)
                + MP4Writer.u32(0x0001_0000) + MP4Writer.u16(0x0100) + [UInt8](repeating: 0, count: 10)
                + matrix + [UInt8](repeating: 0, count: 24) + MP4Writer.u32(3))
        var audioTable = SampleTable(sizes: [], chunkOffsets: [], samplesPerChunk: 1)
        var videoTable = audioTable
        if let dataStart {
            audioTable = SampleTable(sizes: [audioBytes], chunkOffsets: [dataStart], samplesPerChunk: 1)
            var offsets: [Int] = []
            var position = dataStart + audioBytes
            for (index, frame) in frames.enumerated() {
                if index % 2 == 0 { offsets.append(position) }
                position += frame.count
            }
            videoTable = SampleTable(sizes: frames.map(\.count), chunkOffsets: offsets, samplesPerChunk: 2)
        }
        let audioTrak = trak(id: Self.audioTrackID, handler: "soun", entry: audioEntry, table: audioTable)
        let videoTrak = trak(id: Self.videoTrackID, handler: "vide", entry: videoEntry, table: videoTable)
        let empty = SampleTable(sizes: [], chunkOffsets: [], samplesPerChunk: 1)
        let coverTrak =
            coverTrackFirst
            ? trak(id: 3, handler: "vide", entry: MP4Writer.box("jpeg", visualFields), table: empty) : []
        var mvex: [UInt8] = []
        if fragmented {
            mvex = MP4Writer.box(
                "mvex",
                [Self.audioTrackID, Self.videoTrackID].flatMap { id in
                    MP4Writer.fullBox(
                        "trex",
                        MP4Writer.u32(id) + MP4Writer.u32(1) + MP4Writer.u32(0) + MP4Writer.u32(0) + MP4Writer.u32(0))
                })
        }
        return MP4Writer.box("moov", mvhd + coverTrak + audioTrak + videoTrak + mvex)
    }

    private var matrix: [UInt8] {
        MP4Writer.u32(0x0001_0000) + [UInt8](repeating: 0, count: 12) + MP4Writer.u32(0x0001_0000)
            + [UInt8](repeating: 0, count: 12) + MP4Writer.u32(0x4000_0000)
    }

    /// Sizes, chunk offsets and a fixed number of samples per chunk.
    private struct SampleTable {
        var sizes: [Int]
        var chunkOffsets: [Int]
        var samplesPerChunk: Int
    }

    private func trak(id: UInt32, handler: String, entry: [UInt8], table: SampleTable) -> [UInt8] {
        let tkhd = MP4Writer.fullBox(
            "tkhd", flags: 3,
            MP4Writer.u32(0) + MP4Writer.u32(0) + MP4Writer.u32(id) + MP4Writer.u32(0) + MP4Writer.u32(0)
                + [UInt8](repeating: 0, count: 16) + matrix + MP4Writer.u32(3840 << 16) + MP4Writer.u32(2160 << 16))
        let mdhd = MP4Writer.fullBox(
            "mdhd",
            MP4Writer.u32(0) + MP4Writer.u32(0) + MP4Writer.u32(24000) + MP4Writer.u32(0)
                + MP4Writer.u16(0x55C4) + MP4Writer.u16(0))
        let hdlr = MP4Writer.fullBox(
            "hdlr", MP4Writer.u32(0) + Array(handler.utf8) + [UInt8](repeating: 0, count: 12) + Array("Handler\0".utf8))
        let header =
            handler == "vide"
            ? MP4Writer.fullBox("vmhd", flags: 1, [UInt8](repeating: 0, count: 8))
            : MP4Writer.fullBox("smhd", [0, 0, 0, 0])
        let dinf = MP4Writer.box(
            "dinf", MP4Writer.fullBox("dref", MP4Writer.u32(1) + MP4Writer.fullBox("url ", flags: 1, [])))
        let stbl = MP4Writer.box(
            "stbl",
            MP4Writer.fullBox("stsd", MP4Writer.u32(1) + entry)
                + MP4Writer.fullBox(
                    "stts", MP4Writer.u32(1) + MP4Writer.u32(UInt32(table.sizes.count)) + MP4Writer.u32(1001))
                + MP4Writer.fullBox(
                    "stsc",
                    table.sizes.isEmpty
                        ? MP4Writer.u32(0)
                        : MP4Writer.u32(1) + MP4Writer.u32(1) + MP4Writer.u32(UInt32(table.samplesPerChunk))
                            + MP4Writer.u32(1))
                + MP4Writer.fullBox(
                    "stsz",
                    MP4Writer.u32(0) + MP4Writer.u32(UInt32(table.sizes.count))
                        + table.sizes.flatMap { MP4Writer.u32(UInt32($0)) })
                + MP4Writer.fullBox(
                    "stco",
                    MP4Writer.u32(UInt32(table.chunkOffsets.count))
                        + table.chunkOffsets.flatMap { MP4Writer.u32(UInt32($0)) }))
        let minf = MP4Writer.box("minf", header + dinf + stbl)
        return MP4Writer.box("trak", tkhd + MP4Writer.box("mdia", mdhd + hdlr + minf))
    }

    /// The 78 bytes of a VisualSampleEntry before its child boxes.
    private var visualFields: [UInt8] {
        [UInt8](repeating: 0, count: 6) + MP4Writer.u16(1) + [UInt8](repeating: 0, count: 16)
            + MP4Writer.u16(3840) + MP4Writer.u16(2160) + MP4Writer.u32(0x0048_0000) + MP4Writer.u32(0x0048_0000)
            + MP4Writer.u32(0) + MP4Writer.u16(1) + [UInt8](repeating: 0, count: 32) + MP4Writer.u16(0x18)
            + MP4Writer.u16(0xFFFF)
    }

    private var videoEntry: [UInt8] {
        let records = MP4Writer.box("hvcC", hvcC) + (doviRecord.map { MP4Writer.box("dvcC", $0) } ?? [])
        return MP4Writer.box(sampleEntryType, visualFields + records)
    }

    private var audioEntry: [UInt8] {
        MP4Writer.box(
            "mp4a",
            [UInt8](repeating: 0, count: 6) + MP4Writer.u16(1) + [UInt8](repeating: 0, count: 8) + MP4Writer.u16(2)
                + MP4Writer.u16(16) + MP4Writer.u32(0) + MP4Writer.u32(48000 << 16))
    }

    // MARK: - moof

    /// One fragment: the audio run, then the video run; `dataOffset` is from the `moof` start.
    private func moof(dataOffset: Int) -> [UInt8] {
        func traf(_ id: UInt32, sizes: [Int], offset: Int) -> [UInt8] {
            MP4Writer.box(
                "traf",
                MP4Writer.fullBox("tfhd", flags: 0x02_0000, MP4Writer.u32(id))
                    + MP4Writer.fullBox(
                        "trun", flags: 0x201,
                        MP4Writer.u32(UInt32(sizes.count)) + MP4Writer.u32(UInt32(offset))
                            + sizes.flatMap { MP4Writer.u32(UInt32($0)) }))
        }
        return MP4Writer.box(
            "moof",
            MP4Writer.fullBox("mfhd", MP4Writer.u32(1))
                + traf(Self.audioTrackID, sizes: [audioBytes], offset: dataOffset)
                + traf(Self.videoTrackID, sizes: frames.map(\.count), offset: dataOffset + audioBytes))
    }
}

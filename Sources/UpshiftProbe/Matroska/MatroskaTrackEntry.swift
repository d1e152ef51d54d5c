/// One TrackEntry of a Matroska Tracks element, with what the probe needs of it.
struct MatroskaTrackEntry: Sendable, Hashable {
    /// `TrackNumber`, as blocks refer to it.
    var number: UInt64?
    /// `TrackType`: 1 video, 2 audio, 17 subtitle.
    var type: UInt64?
    /// `CodecID`, e.g. `V_MPEGH/ISO/HEVC`.
    var codecID = ""
    /// `CodecPrivate`: the `hvcC` record for HEVC.
    var codecPrivate: [UInt8] = []
    /// A ContentEncodings element is present (header stripping, compression or encryption).
    var hasContentEncodings = false
    /// The `dvcC`/`dvvC` record of a BlockAdditionMapping.
    var record: DolbyVisionRecord?

    /// The Matroska codec ID of HEVC.
    static let hevcCodecID = "V_MPEGH/ISO/HEVC"

    /// Every TrackEntry in the data of a Tracks element.
    static func entries(in tracks: [UInt8]) throws -> [MatroskaTrackEntry] {
        try EBMLElement.children(of: tracks[...]).compactMap { id, data in
            id == MatroskaID.trackEntry ? try entry(data) : nil
        }
    }

    /// The video track the probe reads: the first HEVC video track with a Dolby Vision record,
    /// else the first HEVC video track, else the first video track.
    static func videoTrack(in entries: [MatroskaTrackEntry]) -> MatroskaTrackEntry? {
        let video = entries.filter { $0.type == 1 && $0.number != nil }
        let hevc = video.filter { $0.codecID == hevcCodecID }
        return hevc.first { $0.record != nil } ?? hevc.first ?? video.first
    }

    private static func entry(_ data: ArraySlice<UInt8>) throws -> MatroskaTrackEntry {
        var entry = MatroskaTrackEntry()
        for (id, value) in try EBMLElement.children(of: data) {
            switch id {
            case MatroskaID.trackNumber: entry.number = EBMLElement.unsigned(value)
            case MatroskaID.trackType: entry.type = EBMLElement.unsigned(value)
            case MatroskaID.codecID:
                entry.codecID = String(decoding: value.prefix { $0 != 0 }, as: UTF8.self)
            case MatroskaID.codecPrivate: entry.codecPrivate = Array(value)
            case MatroskaID.contentEncodings: entry.hasContentEncodings = true
            case MatroskaID.blockAdditionMapping:
                if entry.record == nil { entry.record = try record(value) }
            default: break
            }
        }
        return entry
    }

    private static func record(_ mapping: ArraySlice<UInt8>) throws -> DolbyVisionRecord? {
        var type: UInt64?
        var extraData: [UInt8]?
        for (id, value) in try EBMLElement.children(of: mapping) {
            if id == MatroskaID.blockAddIDType { type = EBMLElement.unsigned(value) }
            if id == MatroskaID.blockAddIDExtraData { extraData = Array(value) }
        }
        guard let type, DolbyVisionRecord.types.contains(UInt32(truncatingIfNeeded: type)), type <= UInt32.max,
            let extraData
        else { return nil }
        return DolbyVisionRecord(extraData)
    }
}

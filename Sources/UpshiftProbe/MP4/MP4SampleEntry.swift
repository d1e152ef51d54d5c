/// The video sample entry of an `stsd` box: the codec, the `hvcC` NAL length size and the
/// Dolby Vision configuration record.
enum MP4SampleEntry {
    /// HEVC sample entry types, Dolby Vision ones included.
    static let hevcTypes: Set<UInt32> = [fourCC("hvc1"), fourCC("hev1"), fourCC("dvh1"), fourCC("dvhe")]
    /// Encrypted video (the original format hides in `sinf`).
    static let encryptedType = fourCC("encv")
    /// Bytes of a VisualSampleEntry between its header and its child boxes.
    static let visualFieldsSize = 78

    /// The track described by the first entry of the `stsd` data `data`.
    static func videoTrack(stsd data: [UInt8], at offset: Int64) throws -> VideoTrack {
        // version and flags (4), entry_count (4), then the first entry's size and type.
        guard let entrySize = data.uint32(at: 8), let type = data.uint32(at: 12), entrySize >= 16,
            Int(entrySize) <= data.count - 8
        else { throw ProbeError.malformed("the MP4 stsd box at byte \(offset) is corrupt") }
        let isHEVC = hevcTypes.contains(type)
        var nalLengthSize: Int?
        var record: DolbyVisionRecord?
        let childrenStart = 16 + visualFieldsSize
        if childrenStart <= 8 + Int(entrySize),
            let children = MP4Box.children(in: data[childrenStart..<(8 + Int(entrySize))])
        {
            for (childType, child) in children {
                if childType == fourCC("hvcC") { nalLengthSize = VideoTrack.nalLengthSize(hvcC: Array(child)) }
                if DolbyVisionRecord.types.contains(childType), record == nil {
                    record = DolbyVisionRecord(Array(child))
                }
            }
        } else if isHEVC {
            throw ProbeError.malformed("the MP4 HEVC sample entry at byte \(offset) is corrupt")
        }
        if isHEVC, nalLengthSize == nil {
            throw ProbeError.malformed("the MP4 HEVC sample entry at byte \(offset) has no valid hvcC record")
        }
        return VideoTrack(
            isHEVC: isHEVC, nalLengthSize: nalLengthSize ?? 4, record: record, isEncoded: type == encryptedType)
    }
}

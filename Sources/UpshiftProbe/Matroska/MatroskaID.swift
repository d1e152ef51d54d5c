/// The Matroska element IDs the probe knows, with their length markers.
enum MatroskaID {
    /// EBML header, the first element of the file.
    static let ebml: UInt32 = 0x1A45_DFA3
    /// Segment: everything else; its size may be unknown.
    static let segment: UInt32 = 0x1853_8067
    /// SeekHead: where the other level-1 elements are.
    static let seekHead: UInt32 = 0x114D_9B74
    /// Seek: one SeekHead entry.
    static let seek: UInt32 = 0x4DBB
    /// SeekID: the ID of the element an entry points at.
    static let seekID: UInt32 = 0x53AB
    /// SeekPosition: its offset from the Segment's data.
    static let seekPosition: UInt32 = 0x53AC
    /// Info: skipped.
    static let info: UInt32 = 0x1549_A966
    /// Tracks: read whole.
    static let tracks: UInt32 = 0x1654_AE6B
    /// Cluster: blocks; its size may be unknown.
    static let cluster: UInt32 = 0x1F43_B675
    /// Cues: skipped.
    static let cues: UInt32 = 0x1C53_BB6B
    /// Attachments (fonts, covers): skipped by seeking, however large.
    static let attachments: UInt32 = 0x1941_A469
    /// Chapters: skipped.
    static let chapters: UInt32 = 0x1043_A770
    /// Tags: skipped.
    static let tags: UInt32 = 0x1254_C367
    /// TrackEntry.
    static let trackEntry: UInt32 = 0xAE
    /// TrackNumber, as blocks refer to the track.
    static let trackNumber: UInt32 = 0xD7
    /// TrackType: 1 is video.
    static let trackType: UInt32 = 0x83
    /// CodecID.
    static let codecID: UInt32 = 0x86
    /// CodecPrivate: the `hvcC` record for HEVC.
    static let codecPrivate: UInt32 = 0x63A2
    /// ContentEncodings: compression or encryption of the frames.
    static let contentEncodings: UInt32 = 0x6D80
    /// BlockAdditionMapping: where the Dolby Vision record is.
    static let blockAdditionMapping: UInt32 = 0x41E4
    /// BlockAddIDType: `dvcC` or `dvvC` for Dolby Vision.
    static let blockAddIDType: UInt32 = 0x41E7
    /// BlockAddIDExtraData: the record itself.
    static let blockAddIDExtraData: UInt32 = 0x41ED
    /// SimpleBlock.
    static let simpleBlock: UInt32 = 0xA3
    /// BlockGroup.
    static let blockGroup: UInt32 = 0xA0
    /// Block, inside a BlockGroup.
    static let block: UInt32 = 0xA1

    /// The children of a Segment (and a new EBML header or Segment); one of them ends an
    /// unknown-size Cluster.
    static let segmentLevel: Set<UInt32> = [
        seekHead, info, tracks, cluster, cues, attachments, chapters, tags, ebml, segment,
    ]
}

/// Builds a small Matroska file around video access units: EBML header, Segment with SeekHead,
/// Void, Info, Tracks (an HEVC video track with `hvcC` and an optional Dolby Vision record, an
/// audio track), optional Attachments, Clusters, Cues and Tags.
public struct MatroskaFixture: Sendable {
    /// How video frames are stored.
    public enum BlockStyle: Sendable, Hashable {
        /// `SimpleBlock`.
        case simpleBlock
        /// `BlockGroup` > `BlockDuration`, `Block`.
        case blockGroup
    }

    /// The video access units, in order.
    public var frames: [[UInt8]]
    /// SimpleBlock or BlockGroup.
    public var blockStyle = BlockStyle.simpleBlock
    /// The video track's CodecID.
    public var codecID = "V_MPEGH/ISO/HEVC"
    /// The video track's CodecPrivate (an `hvcC` with NAL length size 4 by default).
    public var codecPrivate = HEVCFixture.hvcC()
    /// The `dvcC` record of a BlockAdditionMapping, if any.
    public var doviRecord: [UInt8]?
    /// The audio TrackEntry comes first (and has track number 1; video then has 2).
    public var audioTrackFirst = false
    /// Laced audio blocks at the start of the first Cluster, before any video.
    public var audioBlocksBeforeVideo = 0
    /// The size of each of those audio blocks.
    public var audioBlockSize = 1500
    /// Video blocks use Xiph lacing (which the probe refuses).
    public var lacedVideo = false
    /// The first Cluster has an unknown size; it ends where the second Cluster starts.
    public var unknownSizeCluster = false
    /// The Segment has an unknown size.
    public var unknownSizeSegment = false
    /// Bytes of an attached file (a font, a cover) in Attachments before the first Cluster.
    public var attachmentSize = 0
    /// Tracks comes after the Clusters (only the SeekHead says where).
    public var tracksAfterClusters = false

    /// A file whose video track holds `frames`.
    public init(frames: [[UInt8]]) {
        self.frames = frames
    }

    private var videoNumber: UInt64 { audioTrackFirst ? 2 : 1 }
    private var audioNumber: UInt64 { audioTrackFirst ? 1 : 2 }

    /// The file.
    public func bytes() -> [UInt8] {
        let header = EBMLWriter.element(
            0x1A45_DFA3,
            EBMLWriter.uint(0x4286, 1) + EBMLWriter.uint(0x42F7, 1) + EBMLWriter.uint(0x42F2, 4)
                + EBMLWriter.uint(0x42F3, 8) + EBMLWriter.string(0x4282, "matroska")
                + EBMLWriter.uint(0x4287, 4) + EBMLWriter.uint(0x4285, 2))
        let info = EBMLWriter.element(
            0x1549_A966,
            EBMLWriter.uint(0x2A_D7B1, 1_000_000) + EBMLWriter.string(0x4D80, "UpshiftProbeFixtures")
                + EBMLWriter.string(0x5741, "UpshiftProbeFixtures"))
        let void = EBMLWriter.element(0xEC, [UInt8](repeating: 0, count: 32))
        let attachments = attachmentSize > 0 ? attachmentsElement() : []
        let clusters = clustersElements()
        let cues = EBMLWriter.element(0x1C53_BB6B, EBMLWriter.element(0xBB, EBMLWriter.uint(0xB3, 0)))
        let tags = EBMLWriter.element(0x1254_C367, EBMLWriter.element(0x7373, EBMLWriter.string(0x45A3, "TITLE")))
        let tracks = tracksElement()
        // SeekHead with fixed-width positions, so its size does not depend on them.
        let seekHeadSize = seekHead(info: 0, tracks: 0).count
        let beforeTracks = tracksAfterClusters ? void + info + attachments + clusters : void + info
        let infoPosition = seekHeadSize + void.count
        let tracksPosition = seekHeadSize + beforeTracks.count
        let body =
            tracksAfterClusters
            ? beforeTracks + tracks + cues + tags
            : void + info + tracks + attachments + clusters + cues + tags
        let segmentData = seekHead(info: infoPosition, tracks: tracksPosition) + body
        let segment =
            unknownSizeSegment
            ? EBMLWriter.unknownSizeElement(0x1853_8067, segmentData) : EBMLWriter.element(0x1853_8067, segmentData)
        return header + segment
    }

    private func seekHead(info: Int, tracks: Int) -> [UInt8] {
        func seek(_ id: UInt32, _ position: Int) -> [UInt8] {
            EBMLWriter.element(
                0x4DBB,
                EBMLWriter.element(0x53AB, EBMLWriter.idBytes(id)) + EBMLWriter.uint(0x53AC, UInt64(position), width: 8)
            )
        }
        return EBMLWriter.element(0x114D_9B74, seek(0x1549_A966, info) + seek(0x1654_AE6B, tracks))
    }

    private func tracksElement() -> [UInt8] {
        var mapping: [UInt8] = []
        if let doviRecord {
            mapping = EBMLWriter.element(
                0x41E4,
                EBMLWriter.string(0x41A4, "Dolby Vision configuration") + EBMLWriter.uint(0x41E7, 0x6476_6343)
                    + EBMLWriter.element(0x41ED, doviRecord))
        }
        let video = EBMLWriter.element(
            0xAE,
            EBMLWriter.uint(0xD7, videoNumber) + EBMLWriter.uint(0x73C5, 0xDEAD_BEEF) + EBMLWriter.uint(0x83, 1)
                + EBMLWriter.string(0x86, codecID) + EBMLWriter.element(0x63A2, codecPrivate)
                + EBMLWriter.element(0xE0, EBMLWriter.uint(0xB0, 3840) + EBMLWriter.uint(0xBA, 2160)) + mapping)
        let audio = EBMLWriter.element(
            0xAE,
            EBMLWriter.uint(0xD7, audioNumber) + EBMLWriter.uint(0x73C5, 0xFEED) + EBMLWriter.uint(0x83, 2)
                + EBMLWriter.string(0x86, "A_TRUEHD") + EBMLWriter.element(0xE1, EBMLWriter.uint(0x9F, 8)))
        return EBMLWriter.element(0x1654_AE6B, audioTrackFirst ? audio + video : video + audio)
    }

    private func attachmentsElement() -> [UInt8] {
        let file = EBMLWriter.element(
            0x61A7,
            EBMLWriter.string(0x466E, "font.ttf") + EBMLWriter.string(0x4660, "font/ttf")
                + EBMLWriter.element(0x465C, [UInt8](repeating: 0, count: attachmentSize))
                + EBMLWriter.uint(0x46AE, 7))
        return EBMLWriter.element(0x1941_A469, file)
    }

    /// The first frame in the first Cluster (after the audio blocks), the others in a second.
    private func clustersElements() -> [UInt8] {
        var first = EBMLWriter.uint(0xE7, 0)
        for index in 0..<audioBlocksBeforeVideo { first += audioBlock(timecode: Int16(index)) }
        if let frame = frames.first { first += videoBlock(frame, timecode: 0) }
        var clusters =
            unknownSizeCluster
            ? EBMLWriter.unknownSizeElement(0x1F43_B675, first) : EBMLWriter.element(0x1F43_B675, first)
        if frames.count > 1 {
            var second = EBMLWriter.uint(0xE7, 40)
            for (index, frame) in frames.dropFirst().enumerated() {
                second += audioBlock(timecode: Int16(index))
                second += videoBlock(frame, timecode: Int16(index + 1))
            }
            clusters += EBMLWriter.element(0x1F43_B675, second)
        }
        return clusters
    }

    /// An audio SimpleBlock of about ``audioBlockSize`` bytes with three Xiph-laced frames.
    private func audioBlock(timecode: Int16) -> [UInt8] {
        let frameSize = max(1, audioBlockSize / 3)
        let xiphSize = [UInt8](repeating: 255, count: frameSize / 255) + [UInt8(frameSize % 255)]
        let laces = [2] + xiphSize + xiphSize
        let payload = HEVCFixture.filler(3 * frameSize, seed: 5)
        return EBMLWriter.element(0xA3, blockHeader(audioNumber, timecode, flags: 0x82) + laces + payload)
    }

    private func videoBlock(_ frame: [UInt8], timecode: Int16) -> [UInt8] {
        if lacedVideo {
            return EBMLWriter.element(0xA3, blockHeader(videoNumber, timecode, flags: 0x82) + [0] + frame)
        }
        switch blockStyle {
        case .simpleBlock:
            return EBMLWriter.element(0xA3, blockHeader(videoNumber, timecode, flags: 0x80) + frame)
        case .blockGroup:
            return EBMLWriter.element(
                0xA0,
                EBMLWriter.uint(0x9B, 40)
                    + EBMLWriter.element(0xA1, blockHeader(videoNumber, timecode, flags: 0) + frame))
        }
    }

    private func blockHeader(_ track: UInt64, _ timecode: Int16, flags: UInt8) -> [UInt8] {
        let time = UInt16(bitPattern: timecode)
        return [0x80 | UInt8(track), UInt8(time >> 8), UInt8(time & 0xFF), flags]
    }
}

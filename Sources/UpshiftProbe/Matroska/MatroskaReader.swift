/// Reads a Matroska file: the head up to the track list, then the video track's blocks in
/// order. Level-1 elements other than SeekHead, Tracks and Cluster (Attachments, Cues, Tags…)
/// are skipped by seeking over them, never read.
struct MatroskaReader: VideoFrameSource {
    /// The video track the probe reads, or `nil` when the file has none.
    let videoTrack: MatroskaTrackEntry?
    /// The end of the Segment, or `nil` for an unknown size.
    let segmentEnd: Int64?
    /// The offset of the next element header to read.
    var position: Int64
    /// The Cluster being read, or `nil` between Clusters.
    var cluster: ClusterState?

    /// The Cluster being read: its end, or `nil` for an unknown size.
    struct ClusterState {
        /// The offset just past the Cluster, or `nil` for an unknown size.
        var end: Int64?
    }

    private init(videoTrack: MatroskaTrackEntry?, segmentEnd: Int64?, firstCluster: Int64) {
        self.videoTrack = videoTrack
        self.segmentEnd = segmentEnd
        self.position = firstCluster
    }

    /// Reads the EBML header, finds the Segment and its Tracks, and stops at the first Cluster.
    static func open(_ reader: inout SourceReader) async throws -> MatroskaReader {
        let segment = try await findSegment(&reader)
        let segmentEnd = segment.end
        var position = segment.dataStart
        var tracksOffset: Int64?
        var entries: [MatroskaTrackEntry]?
        var firstCluster: Int64?
        while segmentEnd.map({ position < $0 }) ?? true,
            let element = try await EBMLElement.read(at: position, &reader)
        {
            switch element.id {
            case MatroskaID.tracks:
                entries = try await readTracks(element, &reader)
            case MatroskaID.seekHead:
                tracksOffset = try await seekPosition(of: MatroskaID.tracks, in: element, segment, &reader)
            case MatroskaID.cluster:
                firstCluster = firstCluster ?? element.start
                if entries == nil, let offset = tracksOffset, offset > element.start,
                    let tracks = try await EBMLElement.read(at: offset, &reader), tracks.id == MatroskaID.tracks
                {
                    entries = try await readTracks(tracks, &reader)
                }
            default:
                break
            }
            if entries != nil, let firstCluster {
                return MatroskaReader(
                    videoTrack: MatroskaTrackEntry.videoTrack(in: entries ?? []), segmentEnd: segmentEnd,
                    firstCluster: firstCluster)
            }
            guard let end = element.end else { throw unknownSize(element) }
            position = end
        }
        if position > reader.length || (segmentEnd ?? 0) > reader.length {
            throw ProbeError.truncated("the Matroska Segment")
        }
        guard let entries else { throw ProbeError.noVideoTrack }
        return MatroskaReader(
            videoTrack: MatroskaTrackEntry.videoTrack(in: entries), segmentEnd: segmentEnd, firstCluster: position)
    }

    /// The Segment after the EBML header (Void or CRC-32 elements may sit between them).
    private static func findSegment(_ reader: inout SourceReader) async throws -> EBMLElement {
        guard let header = try await EBMLElement.read(at: 0, &reader), header.id == MatroskaID.ebml,
            var position = header.end
        else { throw ProbeError.malformed("the EBML header has an unknown size") }
        for _ in 0..<16 {
            guard let element = try await EBMLElement.read(at: position, &reader) else {
                throw ProbeError.truncated("the Matroska header, before the Segment")
            }
            if element.id == MatroskaID.segment { return element }
            guard let end = element.end else { throw unknownSize(element) }
            position = end
        }
        throw ProbeError.malformed("no Matroska Segment follows the EBML header")
    }

    /// The entries of a Tracks element, read whole.
    private static func readTracks(_ element: EBMLElement, _ reader: inout SourceReader) async throws
        -> [MatroskaTrackEntry]
    {
        guard let size = element.size, size <= ProbeLimits.maxHeaderElement else {
            throw ProbeError.malformed("the Matroska Tracks element has an unknown or too large size")
        }
        let data = try await reader.exactly(at: element.dataStart, count: Int(size), in: "the Matroska Tracks element")
        return try MatroskaTrackEntry.entries(in: data)
    }

    /// Where a SeekHead says the level-1 element `id` is, as a file offset.
    private static func seekPosition(
        of id: UInt32, in seekHead: EBMLElement, _ segment: EBMLElement, _ reader: inout SourceReader
    ) async throws -> Int64? {
        guard let size = seekHead.size, size <= 64 * 1024 else { return nil }
        let data = try await reader.exactly(at: seekHead.dataStart, count: Int(size), in: "the Matroska SeekHead")
        for (childID, seek) in try EBMLElement.children(of: data[...], in: "SeekHead") where childID == MatroskaID.seek
        {
            var target: UInt64?
            var position: UInt64?
            for (fieldID, value) in try EBMLElement.children(of: seek, in: "SeekHead") {
                if fieldID == MatroskaID.seekID { target = EBMLElement.unsigned(value) }
                if fieldID == MatroskaID.seekPosition { position = EBMLElement.unsigned(value) }
            }
            if target == UInt64(id), let position, position < UInt64(Int64.max / 2) {
                return segment.dataStart + Int64(position)
            }
        }
        return nil
    }

    /// An element whose size is unknown where the probe must skip it.
    static func unknownSize(_ element: EBMLElement) -> ProbeError {
        .malformed("the Matroska element at byte \(element.start) has an unknown size where one is required")
    }
}

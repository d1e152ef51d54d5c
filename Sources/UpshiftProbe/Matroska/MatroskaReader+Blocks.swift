extension MatroskaReader {
    /// The next block of the video track: a SimpleBlock, or the Block of a BlockGroup. Blocks of
    /// other tracks (laced audio among them) are skipped by their size.
    mutating func nextFrame(_ reader: inout SourceReader) async throws -> FrameRegion? {
        guard let track = videoTrack?.number else { return nil }
        while true {
            guard let current = cluster else {
                if let segmentEnd, position >= segmentEnd { return nil }
                guard let element = try await EBMLElement.read(at: position, &reader) else {
                    return try endOfFile(reader)
                }
                if element.id == MatroskaID.cluster {
                    cluster = ClusterState(end: element.end)
                    position = element.dataStart
                } else {
                    guard let end = element.end else { throw Self.unknownSize(element) }
                    position = end
                }
                continue
            }
            if let end = current.end, position >= end {
                cluster = nil
                continue
            }
            guard let element = try await EBMLElement.read(at: position, &reader) else {
                return try endOfFile(reader)
            }
            if current.end == nil, MatroskaID.segmentLevel.contains(element.id) {
                cluster = nil  // the next level-1 element ends an unknown-size Cluster
                continue
            }
            guard let end = element.end else { throw Self.unknownSize(element) }
            if let clusterEnd = current.end, end > clusterEnd {
                throw ProbeError.malformed("the Matroska element at byte \(element.start) overruns its Cluster")
            }
            position = end
            switch element.id {
            case MatroskaID.simpleBlock:
                if let frame = try await blockFrame(element, track: track, &reader) { return frame }
            case MatroskaID.blockGroup:
                if let frame = try await blockGroupFrame(element, track: track, &reader) { return frame }
            default:
                break
            }
        }
    }

    /// The frame of the Block inside a BlockGroup, when it belongs to `track`.
    private func blockGroupFrame(_ group: EBMLElement, track: UInt64, _ reader: inout SourceReader) async throws
        -> FrameRegion?
    {
        guard let groupEnd = group.end else { return nil }
        var position = group.dataStart
        while position < groupEnd {
            guard let element = try await EBMLElement.read(at: position, &reader) else {
                throw ProbeError.truncated("a Matroska BlockGroup")
            }
            guard let end = element.end, end <= groupEnd else {
                throw ProbeError.malformed("the Matroska BlockGroup at byte \(group.start) is corrupt")
            }
            if element.id == MatroskaID.block { return try await blockFrame(element, track: track, &reader) }
            position = end
        }
        return nil
    }

    /// The frame a (Simple)Block holds when it belongs to `track`: the data after the track
    /// number, the timecode and the flags. A laced video block is refused.
    private func blockFrame(_ block: EBMLElement, track: UInt64, _ reader: inout SourceReader) async throws
        -> FrameRegion?
    {
        guard let end = block.end else { return nil }
        let head = try await reader.exactly(
            at: block.dataStart, count: Int(min(end - block.dataStart, 12)), in: "a Matroska block")
        guard let first = head.first, first != 0 else {
            throw ProbeError.malformed("the Matroska block at byte \(block.start) has an invalid track number")
        }
        let numberLength = first.leadingZeroBitCount + 1
        guard head.count >= numberLength + 3 else {
            throw ProbeError.malformed("the Matroska block at byte \(block.start) is too short")
        }
        var number = UInt64(first) & (0xFF >> UInt64(numberLength))
        for byte in head[1..<numberLength] { number = number << 8 | UInt64(byte) }
        guard number == track else { return nil }
        if head[numberLength + 2] & 0x06 != 0 { throw ProbeError.lacedVideo }
        let start = block.dataStart + Int64(numberLength + 3)
        guard end <= reader.length else { throw ProbeError.truncated("the first video frames") }
        return FrameRegion(offset: start, size: end - start)
    }

    /// `nil` at a clean end of the file, or ``ProbeError/truncated(_:)`` when the Segment, the
    /// Cluster or a skipped element claims bytes past it.
    private func endOfFile(_ reader: SourceReader) throws -> FrameRegion? {
        let claimed = max(position, segmentEnd ?? 0, cluster?.end ?? 0)
        if claimed > reader.length { throw ProbeError.truncated("the Matroska Segment") }
        return nil
    }
}

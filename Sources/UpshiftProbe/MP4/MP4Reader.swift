/// Reads an MP4 file: walks the top-level box headers to `moov` (wherever it is), finds the
/// video `trak` (`hdlr` `vide`), its sample entry, and the offsets and sizes of its first
/// samples, from the sample table or, in a fragmented file, from the first `moof`.
struct MP4Reader: VideoFrameSource {
    /// The video track, or `nil` when the file has none.
    let videoTrack: VideoTrack?
    /// The first samples of the video track, in decoding order.
    let frames: [FrameRegion]
    private var next = 0

    /// Movie fragments looked into before giving up on finding one with the video track.
    private static let maxFragments = 16

    /// The next of the first samples.
    mutating func nextFrame(_ reader: inout SourceReader) async throws -> FrameRegion? {
        guard next < frames.count else { return nil }
        next += 1
        return frames[next - 1]
    }

    /// Walks the file as far as needed to know the video track and its first samples.
    static func open(_ reader: inout SourceReader) async throws -> MP4Reader {
        guard let moov = try await topLevelBox(fourCC("moov"), from: 0, &reader) else {
            throw ProbeError.malformed("the MP4 file has no moov box")
        }
        guard moov.end <= reader.length else { throw ProbeError.truncated("the MP4 moov box") }
        let moovChildren = try await moov.children(&reader)
        var videoTraks: [VideoTrak] = []
        for trak in moovChildren where trak.type == fourCC("trak") {
            if let found = try await videoTrak(trak, &reader) { videoTraks.append(found) }
        }
        // A dual-track profile 7 file keeps the RPU with the enhancement layer, in the track
        // that has the Dolby Vision record; a cover or thumbnail track is not HEVC.
        guard
            let found = videoTraks.first(where: { $0.track.isHEVC && $0.track.record != nil })
                ?? videoTraks.first(where: { $0.track.isHEVC }) ?? videoTraks.first
        else { return MP4Reader(videoTrack: nil, frames: []) }
        guard found.track.isHEVC, !found.track.isEncoded else { return MP4Reader(videoTrack: found.track, frames: []) }
        var frames = try await MP4SampleTable.firstSamples(ProbeLimits.maxFrames, stbl: found.stbl, &reader)
        if frames.isEmpty {
            let defaultSize = try await trexDefaultSize(found.trackID, moovChildren, &reader)
            frames = try await fragmentSamples(found.trackID, defaultSize, after: moov, &reader)
        }
        return MP4Reader(videoTrack: found.track, frames: frames)
    }

    /// The first top-level box of `type` at or after `offset`; `nil` at the end of the file.
    private static func topLevelBox(_ type: UInt32, from offset: Int64, _ reader: inout SourceReader) async throws
        -> MP4Box?
    {
        var position = offset
        while let box = try await MP4Box.read(at: position, parentEnd: nil, &reader) {
            if box.type == type { return box }
            position = box.end
        }
        if position > reader.length { throw ProbeError.truncated("the MP4 box that ends at byte \(position)") }
        return nil
    }

    /// A video `trak`: its ID, its track description and its sample table.
    private struct VideoTrak {
        var trackID: UInt32
        var track: VideoTrack
        var stbl: MP4Box
    }

    /// The video track of `trak`, or `nil` when it is not video (`hdlr` is not `vide`).
    private static func videoTrak(_ trak: MP4Box, _ reader: inout SourceReader) async throws -> VideoTrak? {
        let children = try await trak.children(&reader)
        guard let mdia = children.first(where: { $0.type == fourCC("mdia") }) else { return nil }
        let mdiaChildren = try await mdia.children(&reader)
        guard let hdlr = mdiaChildren.first(where: { $0.type == fourCC("hdlr") }),
            try await hdlr.data(prefix: 12, &reader).uint32(at: 8) == fourCC("vide")
        else { return nil }
        guard let tkhd = children.first(where: { $0.type == fourCC("tkhd") }),
            let minf = mdiaChildren.first(where: { $0.type == fourCC("minf") }),
            let stbl = try await minf.child(fourCC("stbl"), &reader),
            let stsd = try await stbl.child(fourCC("stsd"), &reader)
        else { throw ProbeError.malformed("the MP4 video track at byte \(trak.start) is incomplete") }
        let tkhdData = try await tkhd.data(prefix: 24, &reader)
        guard let version = tkhdData.first, let trackID = tkhdData.uint32(at: version == 1 ? 20 : 12) else {
            throw ProbeError.malformed("the MP4 tkhd box at byte \(tkhd.start) is corrupt")
        }
        guard stsd.dataSize <= ProbeLimits.maxHeaderElement else {
            throw ProbeError.malformed("the MP4 stsd box at byte \(stsd.start) is too large")
        }
        let entry = try MP4SampleEntry.videoTrack(
            stsd: try await stsd.data(prefix: stsd.dataSize, &reader), at: stsd.start)
        return VideoTrak(trackID: trackID, track: entry, stbl: stbl)
    }

    /// The default sample size of `trackID` in `moov` > `mvex` > `trex`, if any.
    private static func trexDefaultSize(_ trackID: UInt32, _ moovChildren: [MP4Box], _ reader: inout SourceReader)
        async throws -> UInt32?
    {
        guard let mvex = moovChildren.first(where: { $0.type == fourCC("mvex") }) else { return nil }
        for trex in try await mvex.children(&reader) where trex.type == fourCC("trex") {
            // version and flags, track_ID, description index, duration, size, flags.
            let data = try await trex.data(prefix: 24, &reader)
            if data.uint32(at: 4) == trackID { return data.uint32(at: 16) }
        }
        return nil
    }

    /// The first samples of `trackID` in the first movie fragments after `moov`.
    private static func fragmentSamples(
        _ trackID: UInt32, _ defaultSize: UInt32?, after moov: MP4Box, _ reader: inout SourceReader
    ) async throws -> [FrameRegion] {
        var position = moov.end
        for _ in 0..<maxFragments {
            guard let moof = try await topLevelBox(fourCC("moof"), from: position, &reader) else { return [] }
            guard moof.end <= reader.length else { throw ProbeError.truncated("the MP4 moof box") }
            let samples = try await MP4Fragment.firstSamples(
                ProbeLimits.maxFrames, trackID: trackID, defaultSize: defaultSize, moof: moof, &reader)
            if !samples.isEmpty { return samples }
            position = moof.end
        }
        return []
    }
}

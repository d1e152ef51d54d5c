/// What the RPU search found in one video frame.
enum FrameRPU: Sendable, Hashable {
    /// The frame has no RPU NAL unit.
    case absent
    /// The frame has an RPU NAL unit, but it is not a valid RPU (CRC mismatch, bad fields).
    case invalid
    /// A valid RPU.
    case valid(RPUSummary)
}

/// Finds the RPU of an HEVC access unit stored as length-prefixed NAL units (Matroska blocks,
/// MP4 samples) while reading as little of the frame as possible.
///
/// The RPU is the last NAL unit, so the frame's last ``ProbeLimits/tailBytes`` are read and
/// searched backwards for a length prefix that ends exactly at the frame's end and starts
/// `7C 01`. Only when there is no such candidate are the NAL units walked forward, reading each
/// length prefix and seeking over the payloads.
enum RPUFinder {
    /// Searches `frame`, whose NAL units have `lengthSize`-byte prefixes.
    static func find(in frame: FrameRegion, lengthSize: Int, reader: inout SourceReader) async throws -> FrameRPU {
        let tailCount = Int(min(frame.size, Int64(ProbeLimits.tailBytes)))
        let tail = try await reader.exactly(
            at: frame.end - Int64(tailCount), count: tailCount, readAhead: 0, in: "the first video frames")
        if let result = searchTail(tail, lengthSize: lengthSize) { return result }
        return try await walk(frame, lengthSize: lengthSize, reader: &reader)
    }

    /// The result of the candidates in `tail`, best first, or `nil` when there is none.
    static func searchTail(_ tail: [UInt8], lengthSize: Int) -> FrameRPU? {
        var sawCandidate = false
        var index = tail.count - lengthSize - 2
        while index >= 0 {
            let nalStart = index + lengthSize
            if tail[nalStart] == 0x7C, tail[nalStart + 1] == 0x01,
                tail.bigEndian(at: index, count: lengthSize) == UInt64(tail.count - nalStart)
            {
                sawCandidate = true
                if let summary = DolbyVisionRPU.parse(nal: Array(tail[nalStart...])) { return .valid(summary) }
            }
            index -= 1
        }
        return sawCandidate ? .invalid : nil
    }

    /// Walks the NAL units of `frame` forward and parses the last RPU NAL unit.
    private static func walk(_ frame: FrameRegion, lengthSize: Int, reader: inout SourceReader) async throws
        -> FrameRPU
    {
        var position = frame.offset
        var lastRPU: FrameRegion?
        var units = 0
        while position < frame.end {
            units += 1
            guard units <= ProbeLimits.maxNALUnits else {
                throw ProbeError.limitReached("walking \(ProbeLimits.maxNALUnits) NAL units of one frame")
            }
            guard frame.end - position >= Int64(lengthSize) else { throw overrun(frame) }
            let headCount = Int(min(Int64(lengthSize + 2), frame.end - position))
            let head = try await reader.exactly(
                at: position, count: headCount, readAhead: ProbeLimits.nalReadAhead, in: "the first video frames")
            let length = Int64(head.bigEndian(at: 0, count: lengthSize))
            position += Int64(lengthSize)
            guard length <= frame.end - position else { throw overrun(frame) }
            if length >= 2, head.count == lengthSize + 2, head[lengthSize] == 0x7C, head[lengthSize + 1] == 0x01 {
                lastRPU = FrameRegion(offset: position, size: length)
            }
            position += length
        }
        guard let lastRPU else { return .absent }
        guard lastRPU.size <= ProbeLimits.maxRPUSize else { return .invalid }
        let nal = try await reader.exactly(
            at: lastRPU.offset, count: Int(lastRPU.size), readAhead: 0, in: "the first video frames")
        return DolbyVisionRPU.parse(nal: nal).map(FrameRPU.valid) ?? .invalid
    }

    private static func overrun(_ frame: FrameRegion) -> ProbeError {
        .malformed("a NAL unit runs past the end of the video frame at byte \(frame.offset)")
    }
}

/// Where one video frame (one access unit of length-prefixed NAL units) lies in the source.
struct FrameRegion: Sendable, Hashable {
    /// The offset of its first byte.
    var offset: Int64
    /// Its length in bytes.
    var size: Int64
    /// The offset just past it.
    var end: Int64 { offset + size }
}

/// A container's video frames in decoding order, found one at a time.
protocol VideoFrameSource {
    /// The next frame of the video track, or `nil` when the track has no more.
    mutating func nextFrame(_ reader: inout SourceReader) async throws -> FrameRegion?
}

/// What the probe needs to know of the video track a container chose.
struct VideoTrack: Sendable, Hashable {
    /// The codec is HEVC, the only one whose RPU the probe reads.
    var isHEVC: Bool
    /// The size of each NAL unit's length prefix, 1 to 4 bytes (from `hvcC`).
    var nalLengthSize: Int
    /// The Dolby Vision configuration record (`dvcC`/`dvvC`), when the container has one.
    var record: DolbyVisionRecord?
    /// The samples are compressed or encrypted (Matroska ContentEncodings, MP4 `encv`).
    var isEncoded: Bool

    /// The NAL length size from an `hvcC` record (`lengthSizeMinusOne` in byte 21), or `nil`
    /// when the record is too short or not version 1.
    static func nalLengthSize(hvcC: [UInt8]) -> Int? {
        guard hvcC.count >= 23, hvcC[0] == 1 else { return nil }
        let size = Int(hvcC[21] & 3) + 1
        return size == 3 ? nil : size
    }
}

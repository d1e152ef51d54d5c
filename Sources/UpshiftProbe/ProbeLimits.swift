/// The bounds that keep a probe small and finite on any input, real or hostile.
enum ProbeLimits {
    /// Video frames examined at most while the RPU says "reuse the previous one".
    static let maxFrames = 8
    /// Bytes read at the end of a video frame to find its RPU, the last NAL unit.
    static let tailBytes = 4096
    /// Bytes read at least per source read, so the headers that follow come from the same read.
    static let readAhead = 4096
    /// Bytes read at least per NAL unit while walking a frame forward.
    static let nalReadAhead = 64
    /// Hard cap on bytes read per probe (the target is at most 128 KiB).
    static let maxBytesRead: Int64 = 1 << 20
    /// Container elements or boxes looked at per probe.
    static let maxElements = 20_000
    /// NAL units walked per frame.
    static let maxNALUnits = 20_000
    /// Largest Matroska Tracks element or MP4 `stsd` box read whole.
    static let maxHeaderElement: Int64 = 512 * 1024
    /// Largest RPU NAL unit accepted.
    static let maxRPUSize: Int64 = 64 * 1024
}

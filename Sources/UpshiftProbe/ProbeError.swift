/// Why a probe stopped. Each description is one sentence naming the problem; the report carries
/// it as ``ProbeReport/error``.
public enum ProbeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first bytes are neither an EBML header nor an MP4 box.
    case notMatroskaOrMP4
    /// The file ends inside the named structure.
    case truncated(String)
    /// A structure is invalid; the text says which and where.
    case malformed(String)
    /// The video track's blocks use lacing, which the probe does not read.
    case lacedVideo
    /// The file has no video track.
    case noVideoTrack
    /// The video track has no frame.
    case noVideoFrame
    /// The video track is compressed or encrypted, so its NAL units cannot be read.
    case encodedVideoTrack
    /// The probe read its limit of bytes or elements without finding the first video frame.
    case limitReached(String)
    /// A local file could not be opened or read.
    case io(path: String, reason: String)
    /// A local path that is not a regular file.
    case notARegularFile(path: String)
    /// The byte source threw an error of its own.
    case source(String)

    /// One sentence, without a final full stop, as the other Upshift errors. It leaves the path
    /// out: whoever probes a path prints it next to the report.
    public var description: String {
        switch self {
        case .notMatroskaOrMP4: "the file is neither Matroska nor MP4"
        case .truncated(let place): "the file ends inside \(place)"
        case .malformed(let problem): problem
        case .lacedVideo: "the video track's blocks use lacing, which the probe does not read"
        case .noVideoTrack: "the file has no video track"
        case .noVideoFrame: "the video track has no frame"
        case .encodedVideoTrack: "the video track is compressed or encrypted, so its NAL units cannot be read"
        case .limitReached(let what): "the probe gave up after \(what) without reaching the first video frame"
        case .io(_, let reason): "the file cannot be read: \(reason)"
        case .notARegularFile: "the path is not a regular file"
        case .source(let message): "the source failed: \(message)"
        }
    }
}

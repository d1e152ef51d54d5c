/// The container a probe recognised from the file's first bytes.
public enum ProbeContainer: String, Sendable, Hashable {
    /// Matroska (or WebM): an EBML header.
    case mkv
    /// ISO base media (MP4, MOV): a top-level box such as `ftyp`.
    case mp4
}

/// Which Dolby Vision profile 7 enhancement layer the RPU describes.
public enum ProbeLayer: String, Sendable, Hashable {
    /// Full enhancement layer: the RPU's NLQ parameters are not the MEL identity.
    case fel = "FEL"
    /// Minimal enhancement layer: the NLQ parameters add nothing.
    case mel = "MEL"
}

/// What a probe learned from a file's own bytes.
///
/// The layer is set only from a valid RPU (its CRC checked) of a profile 7 stream; when the
/// probe stops with an error, what it learned before stays and the layer is never guessed.
public struct ProbeReport: Sendable, Hashable {
    /// The container, or `nil` when the bytes are neither Matroska nor MP4.
    public var container: ProbeContainer?
    /// Dolby Vision is present: a configuration record or a valid RPU was found.
    public var dv: Bool
    /// 5, 7 or 8 (from the RPU when there is a valid one, else from the configuration record), or `nil`.
    public var dvProfile: Int?
    /// FEL or MEL: only for profile 7, only from a valid RPU.
    public var dvLayer: ProbeLayer?
    /// Every byte read, re-reads included.
    public var bytesRead: Int64
    /// `nil`, or one sentence naming the problem.
    public var error: String?

    /// A report; the defaults are "nothing learned yet".
    public init(
        container: ProbeContainer? = nil, dv: Bool = false, dvProfile: Int? = nil, dvLayer: ProbeLayer? = nil,
        bytesRead: Int64 = 0, error: String? = nil
    ) {
        self.container = container
        self.dv = dv
        self.dvProfile = dvProfile
        self.dvLayer = dvLayer
        self.bytesRead = bytesRead
        self.error = error
    }
}

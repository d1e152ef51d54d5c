/// A torrent's `state` as qBittorrent reports it: the 4.x names, the 5.x `stopped…` names, and any
/// value this client does not know yet, kept verbatim in ``other(_:)``.
public enum TorrentState: Sendable, Hashable, CustomStringConvertible {
    /// Some error occurred (disk full, I/O error).
    case error
    /// The payload files are gone.
    case missingFiles
    /// Complete and uploading to peers.
    case uploading
    /// Complete and paused (4.x).
    case pausedUP
    /// Complete and stopped (5.x name of ``pausedUP``).
    case stoppedUP
    /// Complete and queued for seeding.
    case queuedUP
    /// Complete, seeding, no peer connected.
    case stalledUP
    /// Complete, being checked.
    case checkingUP
    /// Complete, forced to seed.
    case forcedUP
    /// Downloading.
    case downloading
    /// Fetching metadata (magnet).
    case metaDL
    /// Fetching metadata, forced.
    case forcedMetaDL
    /// Incomplete and paused (4.x).
    case pausedDL
    /// Incomplete and stopped (5.x name of ``pausedDL``).
    case stoppedDL
    /// Queued for download.
    case queuedDL
    /// Downloading, no peer connected.
    case stalledDL
    /// Incomplete, being checked.
    case checkingDL
    /// Downloading, forced.
    case forcedDL
    /// Resume data being checked at start-up or after add.
    case checkingResumeData
    /// Files being moved.
    case moving
    /// qBittorrent's own "unknown".
    case unknown
    /// A value this client does not know, preserved as sent.
    case other(String)

    private static let known: [String: TorrentState] = [
        "error": .error, "missingFiles": .missingFiles, "uploading": .uploading, "pausedUP": .pausedUP,
        "stoppedUP": .stoppedUP, "queuedUP": .queuedUP, "stalledUP": .stalledUP, "checkingUP": .checkingUP,
        "forcedUP": .forcedUP, "downloading": .downloading, "metaDL": .metaDL, "forcedMetaDL": .forcedMetaDL,
        "pausedDL": .pausedDL, "stoppedDL": .stoppedDL, "queuedDL": .queuedDL, "stalledDL": .stalledDL,
        "checkingDL": .checkingDL, "forcedDL": .forcedDL, "checkingResumeData": .checkingResumeData,
        "moving": .moving, "unknown": .unknown,
    ]

    /// The state for a raw `state` value.
    public init(rawValue: String) {
        self = Self.known[rawValue] ?? .other(rawValue)
    }

    /// The value as qBittorrent writes it.
    public var rawValue: String {
        if case .other(let raw) = self { return raw }
        return Self.known.first { $0.value == self }?.key ?? "unknown"
    }

    /// Finished states: every wanted piece is on disk (seeding, queued for seeding, paused or stopped
    /// after completion).
    public var isComplete: Bool {
        switch self {
        case .uploading, .pausedUP, .stoppedUP, .queuedUP, .stalledUP, .forcedUP: true
        default: false
        }
    }

    /// `error` or `missingFiles`.
    public var isError: Bool { self == .error || self == .missingFiles }

    /// Paused (4.x) or stopped (5.x), complete or not.
    public var isPaused: Bool { [.pausedUP, .pausedDL, .stoppedUP, .stoppedDL].contains(self) }

    /// Checking pieces or resume data.
    public var isChecking: Bool { [.checkingUP, .checkingDL, .checkingResumeData].contains(self) }

    public var description: String { rawValue }
}

import Foundation

/// Adds torrents and reports their progress: qBittorrent in production (SPEC §6).
public protocol TorrentClient: Sendable {
    /// Reads a `.torrent` file: its v1 info-hash, name and size. Throws for anything that is not
    /// a torrent.
    func inspect(_ torrent: Data) throws -> TorrentMetadata

    /// Adds the torrent. Adding a torrent the client already has is not an error (approve is
    /// idempotent end to end).
    func add(_ torrent: Data, options: TorrentAddOptions) async throws

    /// Where the torrent stands, or `nil` when the client does not have it.
    func status(hash: String) async throws -> TorrentProgress?

    /// Why the client no longer logs in (its password was refused, or this IP is banned), or `nil`.
    /// It does not ask again until it is rebuilt (new settings or a restart): every call throws
    /// ``TorrentClientLoginRefused`` meanwhile. For `/api/health`, the web UI and a Telegram notice.
    var loginRefusal: String? { get async }
}

extension TorrentClient {
    /// A client without a login never has one refused.
    public var loginRefusal: String? { get async { nil } }
}

/// The torrent client refused this daemon's login and no longer tries (see ``TorrentClient/loginRefusal``):
/// nothing it is asked will succeed until the settings change or the daemon restarts. Not a reason to
/// fail a request: the download can start once the password is corrected.
public struct TorrentClientLoginRefused: Error, Sendable, CustomStringConvertible {
    /// What was refused and what to do, free of secrets.
    public var description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// What a `.torrent` file says about itself.
public struct TorrentMetadata: Sendable, Hashable {
    /// Lower-case hex v1 info-hash.
    public var hash: String
    /// The torrent's name.
    public var name: String
    /// Total payload size in bytes.
    public var sizeBytes: Int64

    /// Creates metadata.
    public init(hash: String, name: String, sizeBytes: Int64) {
        self.hash = hash
        self.name = name
        self.sizeBytes = sizeBytes
    }
}

/// How a torrent is added (from `settings.json`'s `qbittorrent_*` / `qbit_*` keys and the movie's folder).
public struct TorrentAddOptions: Sendable, Hashable {
    /// Absolute folder to save into, as the torrent client sees it; `nil` = the client's default.
    public var savePath: String?
    /// Category, created when missing; empty = none.
    public var category: String
    /// Tags.
    public var tags: [String]
    /// Download pieces in order.
    public var sequentialDownload: Bool
    /// Add paused.
    public var paused: Bool

    /// Creates options.
    public init(
        savePath: String?, category: String, tags: [String] = [], sequentialDownload: Bool = false,
        paused: Bool = false
    ) {
        self.savePath = savePath
        self.category = category
        self.tags = tags
        self.sequentialDownload = sequentialDownload
        self.paused = paused
    }
}

/// A torrent's state as the tracker service needs it.
public struct TorrentProgress: Sendable, Hashable {
    /// Where the download stands.
    public enum Phase: String, Sendable, Hashable {
        /// Waiting for metadata, queued, checking or downloading (also paused/stopped before the end).
        case downloading
        /// Every byte is there (seeding, paused or stopped after completion).
        case completed
        /// The client reports an error or missing files.
        case failed
    }

    /// The phase.
    public var phase: Phase
    /// 0...1.
    public var progress: Double
    /// The client's own state name (`stalledDL`, `uploading`, `error`, …), for messages.
    public var state: String
    /// Where the files are.
    public var savePath: String?

    /// Creates a progress report.
    public init(phase: Phase, progress: Double, state: String, savePath: String? = nil) {
        self.phase = phase
        self.progress = progress
        self.state = state
        self.savePath = savePath
    }
}

import Foundation
import UpshiftCore

/// One question to the owner and what became of it (SPEC §7): a row of `pending_downloads`.
public struct ApprovalRequest: Sendable, Hashable {
    /// Short opaque id, used in buttons (`dl:<id>`) and the API (`request_id`).
    public var id: String
    /// The library movie it is for (`nil` when judged against an empty copy).
    public var movieID: String?
    /// The film's title as the library writes it (else as the release names it).
    public var movieTitle: String
    /// The film's year.
    public var year: Int?
    /// The release name.
    public var releaseName: String
    /// The feed item's key.
    public var releaseGUID: String
    /// The release's link with its passkey masked (display only).
    public var torrentURL: String
    /// The folder the torrent is saved into, as qBittorrent sees it; `nil` = qBittorrent's default.
    public var targetFolder: String?
    /// The strongest rule that fired (FELScanner's `quality_type`).
    public var kind: DecisionKind
    /// The decision's sentence.
    public var reason: String
    /// Every gain.
    public var gains: [String]
    /// The copy held, or `nil` when the movie is not in the library.
    public var current: Quality?
    /// The release's quality.
    public var new: Quality
    /// The torrent's size in bytes.
    public var sizeBytes: Int64?
    /// The torrent's v1 info-hash.
    public var torrentHash: String
    /// Where the request stands.
    public var state: ApprovalState
    /// When it was created.
    public var createdAt: Date
    /// When an unanswered request expires.
    public var expiresAt: Date
    /// When the owner answered (or it expired).
    public var decidedAt: Date?
    /// Who answered: `telegram`, `web`, `api`, `auto`, `expiry`.
    public var decidedBy: String?
    /// When the download finished (or failed).
    public var finishedAt: Date?
    /// The chat message asking the question, once sent.
    public var message: MessageRef?
    /// Download progress 0...1, while downloading.
    public var progress: Double?
    /// The last error (a failed send, add or download), free of secrets.
    public var lastError: String?
    /// Failed attempts of the current step (sending, adding), for the backoff.
    public var attempts: Int
    /// Earliest time of the next attempt.
    public var nextAttemptAt: Date?

    /// Creates a request.
    public init(
        id: String, movieID: String?, movieTitle: String, year: Int?, releaseName: String, releaseGUID: String,
        torrentURL: String, targetFolder: String?, kind: DecisionKind, reason: String, gains: [String],
        current: Quality?, new: Quality, sizeBytes: Int64?, torrentHash: String, state: ApprovalState = .pending,
        createdAt: Date, expiresAt: Date, decidedAt: Date? = nil, decidedBy: String? = nil, finishedAt: Date? = nil,
        message: MessageRef? = nil, progress: Double? = nil, lastError: String? = nil, attempts: Int = 0,
        nextAttemptAt: Date? = nil
    ) {
        self.id = id
        self.movieID = movieID
        self.movieTitle = movieTitle
        self.year = year
        self.releaseName = releaseName
        self.releaseGUID = releaseGUID
        self.torrentURL = torrentURL
        self.targetFolder = targetFolder
        self.kind = kind
        self.reason = reason
        self.gains = gains
        self.current = current
        self.new = new
        self.sizeBytes = sizeBytes
        self.torrentHash = torrentHash
        self.state = state
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.finishedAt = finishedAt
        self.message = message
        self.progress = progress
        self.lastError = lastError
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }

    /// `Title (Year)`.
    public var displayTitle: String {
        year.map { "\(movieTitle) (\($0))" } ?? movieTitle
    }
}

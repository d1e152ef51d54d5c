import Foundation

/// What an approval request message says, as plain text (``TelegramMessages`` escapes it).
public struct ApprovalMessageContent: Sendable, Hashable {
    /// The movie's title as the library knows it.
    public var movieTitle: String
    /// Its year, when known.
    public var year: Int?
    /// The release name from the feed.
    public var releaseName: String
    /// The quality of the copy in the library (`2160p HDR10 · TrueHD 7.1`); `nil` = not in the library.
    public var currentLabel: String?
    /// The quality of the release.
    public var newLabel: String
    /// What the release adds (`Dolby Vision P7 FEL`, `Atmos`), in order of importance.
    public var gains: [String]
    /// Why it was proposed: the rules' sentence.
    public var reason: String
    /// The torrent's size, when the feed said.
    public var sizeBytes: Int64?
    /// Where it would be saved (qBittorrent's view of the movie folder), when known.
    public var targetFolder: String?
    /// When the request expires unanswered, when it does.
    public var expiresAt: Date?

    /// Creates the content.
    public init(
        movieTitle: String, year: Int?, releaseName: String, currentLabel: String?, newLabel: String,
        gains: [String] = [], reason: String, sizeBytes: Int64? = nil, targetFolder: String? = nil,
        expiresAt: Date? = nil
    ) {
        self.movieTitle = movieTitle
        self.year = year
        self.releaseName = releaseName
        self.currentLabel = currentLabel
        self.newLabel = newLabel
        self.gains = gains
        self.reason = reason
        self.sizeBytes = sizeBytes
        self.targetFolder = targetFolder
        self.expiresAt = expiresAt
    }
}

/// How an approval request ended, shown by editing its message.
public enum ApprovalMessageOutcome: Sendable, Hashable {
    /// Approved; the torrent is being added or downloaded.
    case approved
    /// The owner skipped it.
    case skipped
    /// Nobody answered in time.
    case expired
    /// An answer that could not be honoured, with the sentence saying why (`ApprovalRefusal`).
    case refused(String)
}

/// What a download notice says (started / completed / failed / expired), as plain text.
public struct DownloadNoticeContent: Sendable, Hashable {
    /// The movie's title.
    public var movieTitle: String
    /// Its year, when known.
    public var year: Int?
    /// The release name.
    public var releaseName: String
    /// The torrent's size, when known.
    public var sizeBytes: Int64?
    /// Where it is saved, when known.
    public var targetFolder: String?

    /// Creates the content.
    public init(
        movieTitle: String, year: Int?, releaseName: String, sizeBytes: Int64? = nil, targetFolder: String? = nil
    ) {
        self.movieTitle = movieTitle
        self.year = year
        self.releaseName = releaseName
        self.sizeBytes = sizeBytes
        self.targetFolder = targetFolder
    }
}

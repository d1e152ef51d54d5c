import Foundation
import UpshiftCore

/// A feed item seen, with its parse and decision: a row of `releases` (SPEC §7).
public struct ReleaseRecord: Sendable, Hashable {
    /// The feed item's key.
    public var guid: String
    /// The feed, redacted.
    public var feed: String
    /// The release name.
    public var name: String
    /// The link with its passkey masked.
    public var link: String
    /// Size in bytes from the feed.
    public var sizeBytes: Int64?
    /// Tracker category.
    public var category: String?
    /// Publication date.
    public var publishedAt: Date?
    /// Seeders, when known.
    public var seeders: Int?
    /// When Upshift first saw it.
    public var seenAt: Date
    /// What the name states.
    public var parsed: ParsedRelease
    /// The library movie it matched, when any.
    public var movieID: String?
    /// The matched movie's title.
    public var movieTitle: String?
    /// The decision.
    public var decision: Decision
    /// The approval request it produced, when any.
    public var requestID: String?

    /// Creates a record.
    public init(
        guid: String, feed: String, name: String, link: String, sizeBytes: Int64?, category: String?,
        publishedAt: Date?, seeders: Int?, seenAt: Date, parsed: ParsedRelease, movieID: String?, movieTitle: String?,
        decision: Decision, requestID: String? = nil
    ) {
        self.guid = guid
        self.feed = feed
        self.name = name
        self.link = link
        self.sizeBytes = sizeBytes
        self.category = category
        self.publishedAt = publishedAt
        self.seeders = seeders
        self.seenAt = seenAt
        self.parsed = parsed
        self.movieID = movieID
        self.movieTitle = movieTitle
        self.decision = decision
        self.requestID = requestID
    }
}

/// A row of `download_history`: one decided request (SPEC §7, FELScanner's columns).
public struct HistoryEntry: Sendable, Hashable {
    /// The request.
    public var requestID: String
    /// The film's title.
    public var movieTitle: String
    /// The film's year.
    public var year: Int?
    /// The release name.
    public var releaseName: String
    /// The decision kind (FELScanner's `quality_type`).
    public var qualityType: String
    /// The torrent's info-hash.
    public var torrentHash: String?
    /// The save folder.
    public var targetFolder: String?
    /// `skipped`, `expired`, `approved`, `downloading`, `completed`, `error`.
    public var status: String
    /// When the download started (or the request was decided).
    public var startedAt: Date
    /// When it finished.
    public var completedAt: Date?
    /// What went wrong.
    public var errorMessage: String?

    /// Creates an entry.
    public init(
        requestID: String, movieTitle: String, year: Int?, releaseName: String, qualityType: String,
        torrentHash: String?, targetFolder: String?, status: String, startedAt: Date, completedAt: Date?,
        errorMessage: String?
    ) {
        self.requestID = requestID
        self.movieTitle = movieTitle
        self.year = year
        self.releaseName = releaseName
        self.qualityType = qualityType
        self.torrentHash = torrentHash
        self.targetFolder = targetFolder
        self.status = status
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.errorMessage = errorMessage
    }
}

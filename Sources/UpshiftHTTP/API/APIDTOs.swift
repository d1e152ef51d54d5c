import Foundation
import Hummingbird
import UpshiftCore
import UpshiftServices

/// A request as the API shows it. The link (which carries the passkey) is never included.
struct RequestDTO: Codable {
    var requestID: String
    var movieTitle: String
    var year: Int?
    var releaseName: String
    var kind: String
    var reason: String
    var gains: [String]
    var current: QualityJSON?
    var new: QualityJSON
    var sizeBytes: Int64?
    var targetFolder: String?
    var torrentHash: String
    var status: String
    var createdAt: String
    var expiresAt: String
    var decidedAt: String?
    var decidedBy: String?
    var finishedAt: String?
    var progress: Double?
    var lastError: String?
    var messageSent: Bool

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case movieTitle = "movie_title"
        case year
        case releaseName = "release_name"
        case kind, reason, gains, current, new
        case sizeBytes = "size_bytes"
        case targetFolder = "target_folder"
        case torrentHash = "torrent_hash"
        case status
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case decidedAt = "decided_at"
        case decidedBy = "decided_by"
        case finishedAt = "finished_at"
        case progress
        case lastError = "last_error"
        case messageSent = "message_sent"
    }

    init(_ r: ApprovalRequest) {
        requestID = r.id
        movieTitle = r.movieTitle
        year = r.year
        releaseName = r.releaseName
        kind = r.kind.rawValue
        reason = r.reason
        gains = r.gains
        current = r.current.map(QualityJSON.init)
        new = QualityJSON(r.new)
        sizeBytes = r.sizeBytes
        targetFolder = r.targetFolder
        torrentHash = r.torrentHash
        status = r.state.rawValue
        createdAt = ISO.string(r.createdAt)
        expiresAt = ISO.string(r.expiresAt)
        decidedAt = r.decidedAt.map(ISO.string)
        decidedBy = r.decidedBy
        finishedAt = r.finishedAt.map(ISO.string)
        progress = r.progress
        lastError = r.lastError
        messageSent = r.message != nil
    }
}

/// A history row.
struct HistoryDTO: Codable {
    var requestID: String
    var movieTitle: String
    var year: Int?
    var releaseName: String
    var qualityType: String
    var torrentHash: String?
    var targetFolder: String?
    var status: String
    var startedAt: String
    var completedAt: String?
    var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case movieTitle = "movie_title"
        case year
        case releaseName = "release_name"
        case qualityType = "quality_type"
        case torrentHash = "torrent_hash"
        case targetFolder = "target_folder"
        case status
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case errorMessage = "error_message"
    }

    init(_ h: HistoryEntry) {
        requestID = h.requestID
        movieTitle = h.movieTitle
        year = h.year
        releaseName = h.releaseName
        qualityType = h.qualityType
        torrentHash = h.torrentHash
        targetFolder = h.targetFolder
        status = h.status
        startedAt = ISO.string(h.startedAt)
        completedAt = h.completedAt.map(ISO.string)
        errorMessage = h.errorMessage
    }
}

/// A release seen in a feed, with its decision.
struct ReleaseDTO: Encodable {
    var guid: String
    var name: String
    var feed: String
    var seenAt: String
    var publishedAt: String?
    var sizeBytes: Int64?
    var category: String?
    var seeders: Int?
    var kind: String
    var title: String?
    var year: Int?
    var quality: QualityJSON
    var movieTitle: String?
    var decision: DecisionDTO
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case guid, name, feed
        case seenAt = "seen_at"
        case publishedAt = "published_at"
        case sizeBytes = "size_bytes"
        case category, seeders, kind, title, year, quality
        case movieTitle = "movie_title"
        case decision
        case requestID = "request_id"
    }

    init(_ r: ReleaseRecord) {
        guid = r.guid
        name = r.name
        feed = r.feed
        seenAt = ISO.string(r.seenAt)
        publishedAt = r.publishedAt.map(ISO.string)
        sizeBytes = r.sizeBytes
        category = r.category
        seeders = r.seeders
        kind = r.parsed.kind.rawValue
        title = r.parsed.title
        year = r.parsed.year
        quality = QualityJSON(r.parsed.quality)
        movieTitle = r.movieTitle
        decision = DecisionDTO(r.decision)
        requestID = r.requestID
    }
}

/// A library movie.
struct MovieDTO: Codable {
    var id: String
    var title: String
    var year: Int?
    var tmdbID: Int?
    var imdbID: String?
    var quality: QualityJSON
    var summary: String
    var filePath: String?

    enum CodingKeys: String, CodingKey {
        case id, title, year
        case tmdbID = "tmdb_id"
        case imdbID = "imdb_id"
        case quality, summary
        case filePath = "file_path"
    }

    init(_ m: LibraryMovie) {
        id = m.id
        title = m.title
        year = m.year
        tmdbID = m.tmdbId
        imdbID = m.imdbId
        quality = QualityJSON(m.quality)
        summary = m.quality.ruleSummary
        filePath = m.filePath
    }
}

/// `{"request_id": "..."}`.
struct RequestIDBody: Decodable {
    var requestID: String

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
    }
}

/// ISO 8601 in UTC, e.g. `2026-11-30T09:00:00Z`.
enum ISO {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

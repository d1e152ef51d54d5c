import Foundation
import GRDB
import UpshiftServices

/// A row of `download_history` (FELScanner's columns plus year and release name).
struct HistoryRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "download_history"

    var id: Int64?
    var requestId: String
    var movieTitle: String
    var year: Int?
    var releaseName: String
    var qualityType: String
    var torrentHash: String?
    var targetFolder: String?
    var status: String
    var startedAt: Date
    var completedAt: Date?
    var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case id
        case requestId = "request_id"
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

    var entry: HistoryEntry {
        HistoryEntry(
            requestID: requestId, movieTitle: movieTitle, year: year, releaseName: releaseName,
            qualityType: qualityType, torrentHash: torrentHash, targetFolder: targetFolder, status: status,
            startedAt: startedAt, completedAt: completedAt, errorMessage: errorMessage)
    }
}

import Foundation
import GRDB
import UpshiftCore
import UpshiftServices

/// A row of `pending_downloads`: one approval request for its whole life. FELScanner's columns
/// (`request_id … download_data`) come first; `download_data` holds the `.torrent` file.
struct PendingDownloadRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pending_downloads"

    /// Every column but `download_data`, which is read only when the torrent is added.
    static var databaseSelection: [any SQLSelectable] {
        CodingKeys.allCases.filter { $0 != .downloadData }.map { Column($0.rawValue) }
    }

    var requestId: String
    var movieTitle: String
    var year: Int?
    var torrentUrl: String
    var targetFolder: String?
    var qualityType: String
    var status: String
    var telegramMessageId: Int?
    var telegramChatId: String?
    var createdAt: Date
    var expiresAt: Date
    var downloadData: Data?
    var movieId: String?
    var releaseName: String
    var releaseGuid: String
    var reason: String
    var gains: String
    var currentQuality: String?
    var newQuality: String
    var sizeBytes: Int64?
    var torrentHash: String
    var decidedAt: Date?
    var decidedBy: String?
    var finishedAt: Date?
    var progress: Double?
    var lastError: String?
    var attempts: Int
    var nextAttemptAt: Date?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case requestId = "request_id"
        case movieTitle = "movie_title"
        case year
        case torrentUrl = "torrent_url"
        case targetFolder = "target_folder"
        case qualityType = "quality_type"
        case status
        case telegramMessageId = "telegram_message_id"
        case telegramChatId = "telegram_chat_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case downloadData = "download_data"
        case movieId = "movie_id"
        case releaseName = "release_name"
        case releaseGuid = "release_guid"
        case reason, gains
        case currentQuality = "current_quality"
        case newQuality = "new_quality"
        case sizeBytes = "size_bytes"
        case torrentHash = "torrent_hash"
        case decidedAt = "decided_at"
        case decidedBy = "decided_by"
        case finishedAt = "finished_at"
        case progress
        case lastError = "last_error"
        case attempts
        case nextAttemptAt = "next_attempt_at"
    }

    init(_ r: ApprovalRequest, torrent: Data?) {
        requestId = r.id
        movieTitle = r.movieTitle
        year = r.year
        torrentUrl = r.torrentURL
        targetFolder = r.targetFolder
        qualityType = r.kind.rawValue
        status = r.state.rawValue
        telegramMessageId = r.message?.messageID
        telegramChatId = r.message?.chatID
        createdAt = r.createdAt
        expiresAt = r.expiresAt
        downloadData = torrent
        movieId = r.movieID
        releaseName = r.releaseName
        releaseGuid = r.releaseGUID
        reason = r.reason
        gains = JSONList.text(r.gains)
        currentQuality = r.current.map(QualityJSON.text)
        newQuality = QualityJSON.text(r.new)
        sizeBytes = r.sizeBytes
        torrentHash = r.torrentHash
        decidedAt = r.decidedAt
        decidedBy = r.decidedBy
        finishedAt = r.finishedAt
        progress = r.progress
        lastError = r.lastError
        attempts = r.attempts
        nextAttemptAt = r.nextAttemptAt
    }

    var request: ApprovalRequest {
        let message = telegramMessageId.flatMap { id in telegramChatId.map { MessageRef(chatID: $0, messageID: id) } }
        return ApprovalRequest(
            id: requestId, movieID: movieId, movieTitle: movieTitle, year: year, releaseName: releaseName,
            releaseGUID: releaseGuid, torrentURL: torrentUrl, targetFolder: targetFolder,
            kind: DecisionKind(rawValue: qualityType) ?? .none, reason: reason, gains: JSONList.list(gains),
            current: currentQuality.map(QualityJSON.quality), new: QualityJSON.quality(newQuality),
            sizeBytes: sizeBytes, torrentHash: torrentHash, state: ApprovalState(rawValue: status) ?? .error,
            createdAt: createdAt, expiresAt: expiresAt, decidedAt: decidedAt, decidedBy: decidedBy,
            finishedAt: finishedAt, message: message, progress: progress, lastError: lastError, attempts: attempts,
            nextAttemptAt: nextAttemptAt)
    }
}

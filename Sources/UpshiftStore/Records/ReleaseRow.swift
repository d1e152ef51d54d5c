import Foundation
import GRDB
import UpshiftCore
import UpshiftServices

/// A row of `releases`: a feed item with its parse and decision.
struct ReleaseRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "releases"

    var guid: String
    var feed: String
    var name: String
    var link: String
    var sizeBytes: Int64?
    var category: String?
    var publishedAt: Date?
    var seeders: Int?
    var seenAt: Date
    var kind: String
    var title: String?
    var year: Int?
    var groupName: String?
    var quality: String
    var movieId: String?
    var movieTitle: String?
    var decisionKind: String
    var notify: Bool
    var reason: String
    var gains: String
    var requestId: String?

    enum CodingKeys: String, CodingKey {
        case guid, feed, name, link
        case sizeBytes = "size_bytes"
        case category
        case publishedAt = "published_at"
        case seeders
        case seenAt = "seen_at"
        case kind, title, year
        case groupName = "group_name"
        case quality
        case movieId = "movie_id"
        case movieTitle = "movie_title"
        case decisionKind = "decision_kind"
        case notify, reason, gains
        case requestId = "request_id"
    }

    init(_ record: ReleaseRecord) {
        guid = record.guid
        feed = record.feed
        name = record.name
        link = record.link
        sizeBytes = record.sizeBytes
        category = record.category
        publishedAt = record.publishedAt
        seeders = record.seeders
        seenAt = record.seenAt
        kind = record.parsed.kind.rawValue
        title = record.parsed.title
        year = record.parsed.year
        groupName = record.parsed.group
        quality = QualityJSON.text(record.parsed.quality)
        movieId = record.movieID
        movieTitle = record.movieTitle
        decisionKind = record.decision.kind.rawValue
        notify = record.decision.notify
        reason = record.decision.reason
        gains = JSONList.text(record.decision.gains)
        requestId = record.requestID
    }

    var record: ReleaseRecord {
        let parsed = ParsedRelease(
            name: name, kind: ReleaseKind(rawValue: kind) ?? .movie, title: title, year: year,
            quality: QualityJSON.quality(quality), group: groupName)
        let decision = Decision(
            notify: notify, kind: DecisionKind(rawValue: decisionKind) ?? .none, reason: reason,
            gains: JSONList.list(gains))
        return ReleaseRecord(
            guid: guid, feed: feed, name: name, link: link, sizeBytes: sizeBytes, category: category,
            publishedAt: publishedAt, seeders: seeders, seenAt: seenAt, parsed: parsed, movieID: movieId,
            movieTitle: movieTitle, decision: decision, requestID: requestId)
    }
}

/// A list of strings as a JSON array in one column.
enum JSONList {
    static func text(_ list: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(list)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func list(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

import Foundation
import GRDB
import UpshiftCore
import UpshiftServices

extension AppDatabase: ApprovalStore {
    // MARK: - Library

    public func replaceLibrary(_ movies: [LibraryMovie], source: String, scannedAt: Date) async throws {
        try await writer.write { db in
            try LibraryMovieRow.deleteAll(db)
            var seen = Set<String>()
            for (position, movie) in movies.enumerated() where seen.insert(movie.id).inserted {
                try LibraryMovieRow(movie, source: source, position: position).insert(db)
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES ('library_scanned_at', ?), ('library_source', ?)",
                arguments: [Self.timestamp(scannedAt), source])
        }
    }

    public func libraryMovies() async throws -> [LibraryMovie] {
        try await writer.read { db in
            try LibraryMovieRow.order(Column("position")).fetchAll(db).map(\.movie)
        }
    }

    public func lastLibraryScan() async throws -> Date? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'library_scanned_at'")
                .flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        }
    }

    // MARK: - Releases

    /// Items recorded with `rejudge` set (not in the library before a good scan) count as unseen.
    /// The look-up goes in chunks well below SQLite's limit on bound variables (32,766), so a feed
    /// of any length is fine.
    public func unseenGUIDs(_ guids: [String]) async throws -> Set<String> {
        guard !guids.isEmpty else { return [] }
        let unique = Array(Set(guids))
        return try await writer.read { db in
            var seen = Set<String>()
            for start in stride(from: 0, to: unique.count, by: Self.lookupChunk) {
                let chunk = Array(unique[start..<min(start + Self.lookupChunk, unique.count)])
                seen.formUnion(
                    try String.fetchSet(
                        db,
                        ReleaseRow.select(Column("guid")).filter(chunk.contains(Column("guid")))
                            .filter(Column("rejudge") == false)))
            }
            return Set(unique).subtracting(seen)
        }
    }

    /// Bound variables per look-up.
    static let lookupChunk = 500

    /// A release judged again keeps the time it was first seen (its place on the feed page).
    public func recordRelease(_ release: ReleaseRecord) async throws {
        try await writer.write { db in
            var row = ReleaseRow(release)
            if let first = try Date.fetchOne(db, sql: "SELECT seen_at FROM releases WHERE guid = ?", arguments: [row.guid]) {
                row.seenAt = first
            }
            try row.save(db)
            try db.execute(sql: "UPDATE releases SET rejudge = 0 WHERE guid = ?", arguments: [row.guid])
        }
    }

    public func markNotInLibraryForRejudging(since: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE releases SET rejudge = 1 WHERE decision_kind = 'not_in_library' AND seen_at >= ?",
                arguments: [since])
            return db.changesCount
        }
    }

    public func pruneReleases(seenBefore cutoff: Date, failuresBefore: Date) async throws -> Int {
        let removed = try await writer.write { db in
            try db.execute(
                sql: """
                    DELETE FROM releases WHERE seen_at < ? AND (request_id IS NULL OR request_id NOT IN
                      (SELECT request_id FROM pending_downloads))
                    """,
                arguments: [cutoff])
            let count = db.changesCount
            try db.execute(
                sql: "DELETE FROM torrent_fetch_failures WHERE guid NOT IN (SELECT guid FROM releases) AND first_failed_at < ?",
                arguments: [failuresBefore])
            return count
        }
        // Give the freed pages back to the file system (auto_vacuum = INCREMENTAL).
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
        return removed
    }

    public func recentReleases(limit: Int) async throws -> [ReleaseRecord] {
        try await writer.read { db in
            try ReleaseRow.order(Column("seen_at").desc, Column("rowid").desc).limit(limit).fetchAll(db).map(\.record)
        }
    }

    // MARK: - Requests

    public func insertRequest(_ request: ApprovalRequest, torrent: Data) async throws {
        do {
            try await writer.write { db in
                try PendingDownloadRow(request, torrent: torrent).insert(db)
                if request.state.isDecided {
                    try Self.recordHistory(db, request: request, at: request.decidedAt ?? request.createdAt)
                }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw ApprovalError.alreadyRequested(request.torrentHash)
        }
    }

    public func request(id: String) async throws -> ApprovalRequest? {
        try await writer.read { db in try PendingDownloadRow.fetchOne(db, key: id)?.request }
    }

    public func requests(in states: Set<ApprovalState>) async throws -> [ApprovalRequest] {
        try await writer.read { db in
            try PendingDownloadRow.filter(states.map(\.rawValue).contains(Column("status")))
                .order(Column("created_at"), Column("rowid")).fetchAll(db).map(\.request)
        }
    }

    public func liveRequest(torrentHash: String, releaseName: String) async throws -> ApprovalRequest? {
        let live = [ApprovalState.pending, .approved, .downloading, .completed].map(\.rawValue)
        return try await writer.read { db in
            try PendingDownloadRow
                .filter(live.contains(Column("status")))
                .filter(Column("torrent_hash") == torrentHash || Column("release_name") == releaseName)
                .fetchOne(db)?.request
        }
    }

    public func torrent(requestID: String) async throws -> Data? {
        try await writer.read { db in
            try Data.fetchOne(
                db, sql: "SELECT download_data FROM pending_downloads WHERE request_id = ?", arguments: [requestID])
        }
    }

    public func apply(_ event: ApprovalEvent, to id: String, at: Date, by: String?, error: String?) async throws
        -> ApprovalTransition
    {
        let (transition, cleared) = try await writer.write { db -> (ApprovalTransition, Bool) in
            guard var request = try PendingDownloadRow.fetchOne(db, key: id)?.request else {
                throw ApprovalError.notFound(id)
            }
            let outcome = request.state.apply(event)
            guard case .moved(let state) = outcome else {
                return (ApprovalTransition(outcome: outcome, request: request), false)
            }
            request.state = state
            switch state {
            case .approved, .skipped, .expired:
                request.decidedAt = at
                request.decidedBy = by
                request.attempts = 0
                request.nextAttemptAt = nil
                request.lastError = nil
            case .downloading:
                request.attempts = 0
                request.nextAttemptAt = nil
                request.lastError = nil
                request.progress = 0
            case .completed:
                request.finishedAt = at
                request.progress = 1
            case .error:
                request.finishedAt = at
                request.lastError = error
            case .pending:
                break
            }
            if state.isFinal || state == .approved { request.nextAttemptAt = nil }
            try PendingDownloadRow(request, torrent: nil).update(
                db, columns: PendingDownloadRow.CodingKeys.allCases.filter { $0 != .downloadData }.map(\.rawValue))
            var cleared = false
            if state != .approved {
                // The .torrent (whose announce URL carries the passkey) is only needed until it is added.
                try db.execute(
                    sql: "UPDATE pending_downloads SET download_data = x'' WHERE request_id = ? AND length(download_data) > 0",
                    arguments: [id])
                cleared = db.changesCount > 0
            }
            try Self.recordHistory(db, request: request, at: at)
            return (ApprovalTransition(outcome: outcome, request: request), cleared)
        }
        // Secure delete zeroed the freed pages; the checkpoint leaves no copy in stale WAL frames.
        if cleared { try? await checkpoint() }
        return transition
    }

    public func recordMessage(_ message: MessageRef, for id: String) async throws -> ApprovalRequest? {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE pending_downloads SET telegram_message_id = ?, telegram_chat_id = ?,
                      attempts = CASE WHEN status = 'pending' THEN 0 ELSE attempts END,
                      next_attempt_at = CASE WHEN status = 'pending' THEN NULL ELSE next_attempt_at END,
                      last_error = CASE WHEN status = 'pending' THEN NULL ELSE last_error END
                    WHERE request_id = ? AND telegram_message_id IS NULL
                    """,
                arguments: [message.messageID, message.chatID, id])
            guard db.changesCount > 0 else { return nil }
            return try PendingDownloadRow.fetchOne(db, key: id)?.request
        }
    }

    public func recordFailure(for id: String, in state: ApprovalState, error: String, at: Date, backoff: Backoff)
        async throws -> ApprovalRequest?
    {
        try await writer.write { db in
            guard var request = try PendingDownloadRow.fetchOne(db, key: id)?.request, request.state == state else {
                return nil
            }
            request.attempts += 1
            request.lastError = error
            request.nextAttemptAt = at.addingTimeInterval(backoff.delay(afterAttempts: request.attempts))
            try db.execute(
                sql: "UPDATE pending_downloads SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE request_id = ?",
                arguments: [request.attempts, request.lastError, request.nextAttemptAt, id])
            return request
        }
    }

    public func recordProgress(_ progress: Double, for id: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE pending_downloads SET progress = ? WHERE request_id = ? AND status = 'downloading'",
                arguments: [progress, id])
        }
    }

    public func history(limit: Int) async throws -> [HistoryEntry] {
        try await writer.read { db in
            try HistoryRow.order(Column("started_at").desc, Column("id").desc).limit(limit).fetchAll(db).map(\.entry)
        }
    }

    // MARK: - Private

    /// Creates or updates the history row of a decided request.
    private static func recordHistory(_ db: Database, request: ApprovalRequest, at: Date) throws {
        var row =
            try HistoryRow.filter(Column("request_id") == request.id).fetchOne(db)
            ?? HistoryRow(
                id: nil, requestId: request.id, movieTitle: request.movieTitle, year: request.year,
                releaseName: request.releaseName, qualityType: request.kind.rawValue, torrentHash: request.torrentHash,
                targetFolder: request.targetFolder, status: request.state.rawValue, startedAt: at, completedAt: nil,
                errorMessage: nil)
        row.status = request.state.rawValue
        row.targetFolder = request.targetFolder
        switch request.state {
        case .downloading: row.startedAt = at
        case .completed, .skipped, .expired: row.completedAt = at
        case .error:
            row.completedAt = at
            row.errorMessage = request.lastError
        case .pending, .approved: break
        }
        try row.save(db)
    }

    /// Seconds since 1970 as text, for the metadata table.
    private static func timestamp(_ date: Date) -> String { String(date.timeIntervalSince1970) }
}

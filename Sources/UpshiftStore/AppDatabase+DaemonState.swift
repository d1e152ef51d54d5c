import Foundation
import GRDB
import UpshiftCore
import UpshiftServices

extension AppDatabase {
    // MARK: - Outbox

    public func enqueue(_ message: OutboxMessage) async throws {
        try await writer.write { db in
            if message.kind == .edit,
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE request_id = ? AND kind = 'edit')",
                    arguments: [message.requestID]) == true
            {
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO outbox (request_id, kind, detail, created_at, attempts, next_attempt_at, last_error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    message.requestID, message.kind.rawValue, message.detail, message.createdAt, message.attempts,
                    message.nextAttemptAt, message.lastError,
                ])
        }
    }

    public func outbox() async throws -> [OutboxMessage] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id").compactMap { row in
                guard let kind = OutboxMessage.Kind(rawValue: row["kind"]) else { return nil }
                return OutboxMessage(
                    id: row["id"], requestID: row["request_id"], kind: kind, detail: row["detail"],
                    createdAt: row["created_at"], attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"],
                    lastError: row["last_error"])
            }
        }
    }

    public func removeFromOutbox(_ id: Int64) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id]) }
    }

    public func recordOutboxFailure(_ id: Int64, error: String, at: Date, backoff: Backoff) async throws {
        try await writer.write { db in
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM outbox WHERE id = ?", arguments: [id]) ?? 0) + 1
            try db.execute(
                sql: "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                arguments: [attempts, error, at.addingTimeInterval(backoff.delay(afterAttempts: attempts)), id])
        }
    }

    // MARK: - Daemon state

    public func stateValue(_ key: String) async throws -> String? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key])
        }
    }

    public func setStateValue(_ value: String, for key: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    // MARK: - Torrent fetch failures

    public func recordTorrentFetchFailure(guid: String, at: Date) async throws -> Date {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO torrent_fetch_failures (guid, first_failed_at) VALUES (?, ?)",
                arguments: [guid, at])
            return try Date.fetchOne(
                db, sql: "SELECT first_failed_at FROM torrent_fetch_failures WHERE guid = ?", arguments: [guid]) ?? at
        }
    }

    public func clearTorrentFetchFailure(guid: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM torrent_fetch_failures WHERE guid = ?", arguments: [guid])
        }
    }
}

extension AppDatabase {
    // MARK: - Probe results

    public func probeResult(path: String, fingerprint: String) async throws -> MediaProbeResult? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM probe_results WHERE path = ? AND fingerprint = ?",
                    arguments: [path, fingerprint])
            else { return nil }
            let profile: Int? = row["dv_profile"]
            let layer: String? = row["dv_layer"]
            return MediaProbeResult(
                dv: row["dv"], dvProfile: profile.flatMap(DVProfile.init(rawValue:)),
                dvLayer: layer.flatMap(DVLayer.init(rawValue:)), error: row["error"])
        }
    }

    public func saveProbeResult(_ result: MediaProbeResult, path: String, fingerprint: String, at: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO probe_results (path, fingerprint, dv, dv_profile, dv_layer, error, probed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    path, fingerprint, result.dv, result.dvProfile?.rawValue, result.dvLayer?.rawValue, result.error, at,
                ])
        }
    }
}

import GRDB
import UpshiftSettings

/// The numbered schema migrations. Released migrations are never edited: add a new one.
enum Migrations {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_initial", migrate: v1)
        migrator.registerMigration("0002_one_live_request_per_torrent", migrate: v2)
        migrator.registerMigration("0003_outbox_and_retry_clocks", migrate: v3)
        migrator.registerMigration("0004_probe_results", migrate: v4)
        migrator.registerMigration("0005_guids_without_key_like_path_segments", migrate: v5)
        return migrator
    }

    /// Guids stored before Upshift masked key-like path segments (a passkey in a Torznab guid's
    /// path) are rewritten the way new ones are written, so no passkey stays in the database and an
    /// item already judged is not judged (and asked about) again under its new guid.
    static func v5(_ db: Database) throws {
        for (table, column) in [("releases", "guid"), ("pending_downloads", "release_guid"), ("torrent_fetch_failures", "guid")] {
            let guids = try String.fetchAll(db, sql: "SELECT \(column) FROM \(table) WHERE \(column) LIKE '%/%'")
            for guid in guids {
                let masked = maskingKeyLikePathSegments(guid)
                guard masked != guid else { continue }
                try db.execute(
                    sql: "UPDATE OR IGNORE \(table) SET \(column) = ? WHERE \(column) = ?", arguments: [masked, guid])
                // Already there under the masked guid (unlikely): the old row goes.
                try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [guid])
            }
        }
    }

    /// What the Dolby Vision probe read from library files, per path, with the fingerprint (size and
    /// modification time, or Plex's part version) of the content it read: a file is probed once.
    static func v4(_ db: Database) throws {
        try db.create(table: "probe_results") { t in
            t.primaryKey("path", .text)
            t.column("fingerprint", .text).notNull()
            t.column("dv", .boolean).notNull()
            t.column("dv_profile", .integer)
            t.column("dv_layer", .text)
            t.column("error", .text)
            t.column("probed_at", .datetime).notNull()
        }
    }

    /// What must survive a restart or an outage: the chat outbox (notices and edits delivered in
    /// order), when fetching an upgrade's torrent first failed (the give-up clock), and which
    /// releases recorded as not in the library are to be judged again after a good library scan.
    static func v3(_ db: Database) throws {
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("request_id", .text).notNull().indexed()
            t.column("kind", .text).notNull()
            t.column("detail", .text)
            t.column("created_at", .datetime).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("next_attempt_at", .datetime)
            t.column("last_error", .text)
        }
        try db.create(table: "torrent_fetch_failures") { t in
            t.primaryKey("guid", .text)
            t.column("first_failed_at", .datetime).notNull()
        }
        try db.alter(table: "releases") { t in
            t.add(column: "rejudge", .boolean).notNull().defaults(to: false)
        }
    }

    /// At most one live request per torrent, enforced by SQLite: two polls (the schedule and
    /// `POST /api/feeds/poll`) can never ask twice about one torrent.
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX pending_downloads_live_torrent ON pending_downloads(torrent_hash)
                WHERE status IN ('pending', 'approved', 'downloading', 'completed')
                """)
    }

    /// The first schema: library, releases, requests (FELScanner's `pending_downloads` columns plus
    /// Upshift's), history (FELScanner's `download_history` columns plus Upshift's), and a key-value
    /// table for the last library scan.
    static func v1(_ db: Database) throws {
        try db.create(table: "library_movies") { t in
            t.primaryKey("id", .text)
            t.column("title", .text).notNull()
            t.column("year", .integer)
            t.column("tmdb_id", .integer)
            t.column("imdb_id", .text)
            t.column("quality", .text).notNull()
            t.column("file_path", .text)
            t.column("source", .text).notNull()
            t.column("position", .integer).notNull()
        }
        try db.create(table: "releases") { t in
            t.primaryKey("guid", .text)
            t.column("feed", .text).notNull()
            t.column("name", .text).notNull()
            t.column("link", .text).notNull()
            t.column("size_bytes", .integer)
            t.column("category", .text)
            t.column("published_at", .datetime)
            t.column("seeders", .integer)
            t.column("seen_at", .datetime).notNull().indexed()
            t.column("kind", .text).notNull()
            t.column("title", .text)
            t.column("year", .integer)
            t.column("group_name", .text)
            t.column("quality", .text).notNull()
            t.column("movie_id", .text)
            t.column("movie_title", .text)
            t.column("decision_kind", .text).notNull()
            t.column("notify", .boolean).notNull()
            t.column("reason", .text).notNull()
            t.column("gains", .text).notNull()
            t.column("request_id", .text)
        }
        try db.create(table: "pending_downloads") { t in
            t.primaryKey("request_id", .text)
            t.column("movie_title", .text).notNull()
            t.column("year", .integer)
            t.column("torrent_url", .text).notNull()
            t.column("target_folder", .text)
            t.column("quality_type", .text).notNull()
            t.column("status", .text).notNull().indexed()
            t.column("telegram_message_id", .integer)
            t.column("telegram_chat_id", .text)
            t.column("created_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
            t.column("download_data", .blob).notNull()
            t.column("movie_id", .text)
            t.column("release_name", .text).notNull()
            t.column("release_guid", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("gains", .text).notNull()
            t.column("current_quality", .text)
            t.column("new_quality", .text).notNull()
            t.column("size_bytes", .integer)
            t.column("torrent_hash", .text).notNull().indexed()
            t.column("decided_at", .datetime)
            t.column("decided_by", .text)
            t.column("finished_at", .datetime)
            t.column("progress", .double)
            t.column("last_error", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("next_attempt_at", .datetime)
        }
        try db.create(table: "download_history") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("request_id", .text).notNull().unique()
            t.column("movie_title", .text).notNull()
            t.column("year", .integer)
            t.column("release_name", .text).notNull()
            t.column("quality_type", .text).notNull()
            t.column("torrent_hash", .text)
            t.column("target_folder", .text)
            t.column("status", .text).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("completed_at", .datetime)
            t.column("error_message", .text)
        }
        try db.create(table: "metadata") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
    }
}

import Foundation
import GRDB

/// The SQLite database: one file in WAL mode in production, a fresh in-memory database per test
/// (SPEC §7; STYLE: one `Sendable` struct owning `any DatabaseWriter`).
///
/// Opening migrates the schema through the numbered migrations of ``Migrations``; a migration is
/// never edited once released. Every access is awaited, so the cooperative pool never blocks on
/// SQLite.
public struct AppDatabase: Sendable {
    /// The connection (a `DatabasePool` on disk, a `DatabaseQueue` in memory).
    let writer: any DatabaseWriter

    /// Opens (creating when missing) the database at `path`, in WAL mode, and migrates it.
    ///
    /// The file and its `-wal` and `-shm` companions are readable by their owner only (mode 0600):
    /// the stored `.torrent` files carry the tracker passkey in their announce URLs. A new file is
    /// created 0600 before SQLite opens it (SQLite gives the companions the file's mode), and an
    /// existing one is narrowed to 0600.
    ///
    /// Throws ``StoreError/cannotOpen(path:reason:)`` naming the file when it cannot be opened
    /// (missing folder, no permission, not a database).
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        }
        let ownerOnly: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
        /// Narrows the file and its companions that exist to 0600.
        func restrict() throws {
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                try FileManager.default.setAttributes(ownerOnly, ofItemAtPath: file)
            }
        }
        do {
            if !FileManager.default.fileExists(atPath: path),
                !FileManager.default.createFile(atPath: path, contents: nil, attributes: ownerOnly)
            {
                throw StoreError.cannotOpen(path: path, reason: "the file cannot be created")
            }
            try restrict()
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            // A home daemon reads little at a time: two readers with a 1 MiB page cache each keep
            // the resident memory small (SQLite's default is 2 MiB per connection, GRDB's 5 readers).
            configuration.maximumReaderCount = 2
            // secure_delete: freed pages and cells are zeroed, so a cleared `.torrent` (its announce
            // URL carries the passkey) leaves no trace in the file.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA cache_size = -1024; PRAGMA secure_delete = ON")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try enableIncrementalVacuum(pool)
            let database = try AppDatabase(pool)
            try restrict()
            return database
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "its permissions cannot be set to 0600 (\(error))")
        }
    }

    /// Opens the database at `path` for reading only, changing nothing on disk: no migration, no
    /// file created, not even SQLite's `-wal` and `-shm` (for `upshift feed --once`).
    ///
    /// A read-only SQLite connection to a WAL database still creates the `-wal` and `-shm` files when
    /// they are missing, and leaves them behind. So:
    /// - when `-wal` exists (a daemon has the database open), the file is read in place through a
    ///   read-only `DatabaseQueue`, which sees every committed change and creates nothing;
    /// - otherwise no connection is using the file: it is copied into a private temporary folder, read
    ///   from there into a read-only in-memory `DatabaseQueue`, and the copy is deleted.
    ///
    /// Throws ``StoreError/cannotOpen(path:reason:)`` naming the file when it is missing, unreadable,
    /// not a database, or its schema is missing or older than this version's (run `upshift serve`
    /// once to migrate it).
    public static func openReadOnly(path: String) throws -> AppDatabase {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "the file does not exist")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        /// Fails unless every migration of this version has been applied.
        func checkSchema(_ reader: any DatabaseReader) throws {
            let complete = try reader.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
            guard complete else {
                throw StoreError.cannotOpen(
                    path: path, reason: "its schema is missing or older than this version's; run `upshift serve` once")
            }
        }
        do {
            if files.fileExists(atPath: path + "-wal") {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try checkSchema(queue)
                // The schema is complete, so this runs no migration (and writes nothing).
                return try AppDatabase(queue)
            }
            let folder = files.temporaryDirectory.appendingPathComponent("upshift-read-\(UUID().uuidString)")
            try files.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? files.removeItem(at: folder) }
            let copy = folder.appendingPathComponent("snapshot.sqlite").path
            try files.copyItem(atPath: path, toPath: copy)
            // Read-only too: GRDB keeps the in-memory copy `query_only`.
            let memory = try DatabaseQueue.inMemoryCopy(fromPath: copy, configuration: configuration)
            try checkSchema(memory)
            return try AppDatabase(memory)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
    }

    /// Turns on `auto_vacuum = INCREMENTAL` (pruned releases give their pages back): for a new file
    /// before its first table, for a file of an older version through one `VACUUM`.
    private static func enableIncrementalVacuum(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != 2 else { return }
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "VACUUM")
        }
    }

    /// Writes every WAL frame back into the file and empties the `-wal` (`wal_checkpoint(TRUNCATE)`):
    /// after a `.torrent` is cleared, no copy of it stays in stale WAL frames.
    public func checkpoint() async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Checkpoints and closes the connections (at shutdown): the `-wal` and `-shm` files are gone
    /// afterwards. The database cannot be used after this.
    public func close() throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try writer.close()
    }

    /// A new empty in-memory database, migrated: for tests and `upshift feed --once`.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// Wraps a connection and migrates it.
    init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    /// The names of the migrations applied, in order (for tests and `upshift config check`).
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// The journal mode (`wal` for a file database).
    public func journalMode() async throws -> String {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}

/// Errors of the store, naming the file or row.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file cannot be opened.
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "Cannot open the database \(path): \(reason)."
        }
    }
}

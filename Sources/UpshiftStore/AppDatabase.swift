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
    /// Throws ``StoreError/cannotOpen(path:reason:)`` naming the file when it cannot be opened
    /// (missing folder, no permission, not a database).
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(pool)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
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

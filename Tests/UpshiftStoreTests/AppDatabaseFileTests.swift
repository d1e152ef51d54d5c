import Foundation
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftStore
import UpshiftTestSupport

/// The database file on disk: owner-only permissions (it holds `.torrent` files whose announce URLs
/// carry the passkey), and the read-only opener of `upshift feed --once`, which changes nothing.
@Suite struct AppDatabaseFileTests {
    static let heat = LibraryMovie(
        id: "plex:1", title: "Heat", year: 1995, quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p5))

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// A migrated database holding Heat, closed again (so SQLite has removed its `-wal` and `-shm`).
    static func makeDatabase(_ path: String) async throws {
        let db = try AppDatabase.open(path: path)
        try await db.replaceLibrary([heat], source: "test", scannedAt: Date(timeIntervalSince1970: 1_800_000_000))
        try await db.insertRequest(AppDatabaseTests.request(), torrent: Data("announce?passkey=abc".utf8))
    }

    // MARK: - Permissions

    @Test func aNewDatabaseAndItsCompanionsAreOwnerOnly() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            let db = try AppDatabase.open(path: path)
            try await db.insertRequest(AppDatabaseTests.request(), torrent: Data("t".utf8))
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file)")
                #expect(try Self.mode(file) == 0o600, "\(file)")
            }
        }
    }

    @Test func anExistingDatabaseIsNarrowedToOwnerOnly() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            try await Self.makeDatabase(path)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let db = try AppDatabase.open(path: path)
            #expect(try await db.libraryMovies().map(\.title) == ["Heat"])
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                #expect(try Self.mode(file) == 0o600, "\(file)")
            }
        }
    }

    // MARK: - Read-only

    @Test func readOnlyChangesNoByteAndNoFile() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            try await Self.makeDatabase(path)
            let listing = try Self.listing(folder)
            #expect(listing == ["upshift.sqlite"])
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                let db = try AppDatabase.openReadOnly(path: path)
                #expect(try await db.libraryMovies().map(\.title) == ["Heat"])
                #expect(try await db.unseenGUIDs(["g1"]) == ["g1"])
                #expect(try Self.listing(folder) == listing)
                await #expect(throws: (any Error).self) {
                    try await db.replaceLibrary([], source: "test", scannedAt: Date())
                }
            }
            #expect(try Self.listing(folder) == listing)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }

    @Test func readOnlySeesWhatARunningDaemonWroteAndCreatesNothing() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("upshift.sqlite").path
            let daemon = try AppDatabase.open(path: path)
            try await daemon.replaceLibrary([Self.heat], source: "test", scannedAt: Date())
            let listing = try Self.listing(folder)
            #expect(listing == ["upshift.sqlite", "upshift.sqlite-shm", "upshift.sqlite-wal"])
            let reader = try AppDatabase.openReadOnly(path: path)
            #expect(try await reader.libraryMovies().map(\.title) == ["Heat"])
            await #expect(throws: (any Error).self) {
                try await reader.replaceLibrary([], source: "test", scannedAt: Date())
            }
            #expect(try Self.listing(folder) == listing)
            #expect(try await daemon.libraryMovies().map(\.title) == ["Heat"])
        }
    }

    @Test func readOnlyRefusesAMissingFileOrSchemaNamingTheFile() async throws {
        try await withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("missing.sqlite").path
            #expect {
                try AppDatabase.openReadOnly(path: missing)
            } throws: { error in
                error is StoreError && String(describing: error).contains(missing)
            }
            #expect(try Self.listing(folder) == [])

            let empty = folder.appendingPathComponent("empty.sqlite").path
            #expect(FileManager.default.createFile(atPath: empty, contents: nil))
            #expect {
                try AppDatabase.openReadOnly(path: empty)
            } throws: { error in
                let text = String(describing: error)
                return error is StoreError && text.contains(empty) && text.contains("schema")
            }
            #expect(try Self.listing(folder) == ["empty.sqlite"])

            let garbage = folder.appendingPathComponent("notes.sqlite").path
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
            #expect {
                try AppDatabase.openReadOnly(path: garbage)
            } throws: { error in
                error is StoreError && String(describing: error).contains(garbage)
            }
            #expect(try Self.listing(folder) == ["empty.sqlite", "notes.sqlite"])
        }
    }
}

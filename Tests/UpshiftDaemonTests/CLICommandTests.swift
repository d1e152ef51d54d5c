import Foundation
import Testing
import UpshiftCLI
import UpshiftCore
import UpshiftStore
import UpshiftTestSupport

/// `upshift library scan` and `upshift feed --once` against the loopback Plex, Radarr and RSS.
@Suite struct CLICommandTests {
    static func writeSettings(_ folder: URL, base: String, world: FakeWorld, feeds: [String]? = nil) throws -> String {
        let path = folder.appendingPathComponent("settings.json").path
        let feedList = (feeds ?? [world.feedURL(base)]).map { "\"\($0)\"" }.joined(separator: ",")
        let json = """
            {"plex_url": "\(base)", "plex_token": "\(FakeWorld.plexToken)",
             "radarr_url": "\(base)", "radarr_api_key": "\(FakeWorld.radarrKey)",
             "ipt_feed_urls": [\(feedList)], "database_path": "\(folder.path)/upshift.sqlite"}
            """
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func libraryScanFillsTheTableAndSummarises() async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        try await LoopbackServer.with(world.router()) { base in
            try await withTemporaryDirectory { folder in
                let path = try Self.writeSettings(folder, base: base, world: world)
                let output = CapturingOutputWriter()
                let status = await Upshift.run(["library", "scan", "--config", path], context: CLIContext(output: output))
                let errors = await output.errorText
                #expect(status == 0, "\(errors)")
                let lines = await output.lines
                #expect(lines.contains("Scanned Plex: 3 movies"))
                #expect(lines.contains("Dolby Vision: 2 (P5 1, P7 1)"))
                #expect(lines.contains("P7 FEL: 1"))
                #expect(lines.contains("Atmos: 1"))
                #expect(lines.contains("Resolution: 2160p 2, 1080p 1"))
                let stored = try await AppDatabase.open(path: "\(folder.path)/upshift.sqlite").libraryMovies()
                #expect(stored.map(\.title).sorted() == ["Alien", "Heat", "The Lord of the Rings: The Fellowship of the Ring"])
                #expect(stored.first { $0.title == "Alien" }?.quality.isFEL == true)
            }
        }
    }

    @Test func feedOncePrintsEveryDecisionAndChangesNothing() async throws {
        let torrent = TestTorrent.make(payload: Data("x".utf8), name: "x.mkv")
        let world = FakeWorld(releases: EndToEndTests.releases(torrent), radarrRoot: "/movies")
        try await LoopbackServer.with(world.router()) { base in
            try await withTemporaryDirectory { folder in
                let path = try Self.writeSettings(folder, base: base, world: world)
                let output = CapturingOutputWriter()
                let status = await Upshift.run(["feed", "--once", "--config", path], context: CLIContext(output: output))
                let errors = await output.errorText
                #expect(status == 0, "\(errors)")
                let lines = await output.lines
                #expect(lines.count == 7)
                let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
                let kinds = objects.map { ($0["decision"] as? [String: Any])?["kind"] as? String ?? "" }
                #expect(kinds.filter { $0 == "fel" }.count == 1)
                #expect(Set(kinds) == ["fel", "duplicate", "downgrade", "none", "not_in_library", "not_a_movie"])
                let fel = try #require(objects.first { ($0["decision"] as? [String: Any])?["kind"] as? String == "fel" })
                #expect(fel["movie"] as? String == "Heat (1995)")
                #expect(fel["seen"] as? Bool == false)
                #expect(!(await output.text).contains(FakeWorld.passkey))
                // Nothing stored, nothing asked.
                #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/upshift.sqlite"))
                #expect(await world.telegram.calls.isEmpty)
            }
        }
    }

    /// With a database, `feed --once` reads the stored library from it and leaves it as it was: the
    /// same bytes, and no `-wal`, `-shm` or other file beside it.
    @Test func feedOnceReadsTheStoredLibraryAndChangesNoFile() async throws {
        let torrent = TestTorrent.make(payload: Data("x".utf8), name: "x.mkv")
        let world = FakeWorld(releases: EndToEndTests.releases(torrent), radarrRoot: "/movies")
        try await LoopbackServer.with(world.router()) { base in
            try await withTemporaryDirectory { folder in
                let path = try Self.writeSettings(folder, base: base, world: world)
                let database = "\(folder.path)/upshift.sqlite"
                do {
                    // Only Heat is stored: the live Plex (three movies) must not be asked.
                    let heat = LibraryMovie(
                        id: "plex:101", title: "Heat", year: 1995,
                        quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p5))
                    try await AppDatabase.open(path: database).replaceLibrary([heat], source: "Plex", scannedAt: Date())
                }
                let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                #expect(listing == ["settings.json", "upshift.sqlite"])
                let bytes = try Data(contentsOf: URL(fileURLWithPath: database))

                let output = CapturingOutputWriter()
                let status = await Upshift.run(["feed", "--once", "--config", path], context: CLIContext(output: output))
                let errors = await output.errorText
                #expect(status == 0, "\(errors)")
                let objects = try await output.lines.map {
                    try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                }
                #expect(objects.count == 7)
                let movies = Set(objects.compactMap { $0["movie"] as? String })
                #expect(movies == ["Heat (1995)"])
                #expect(objects.allSatisfy { $0["seen"] as? Bool == false })

                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listing)
                #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
                #expect(await world.telegram.calls.isEmpty)
            }
        }
    }

    /// A database without Upshift's schema (here an empty file) is not migrated by `feed --once`:
    /// the command stops, naming the file, and leaves it untouched.
    @Test func feedOnceRefusesAnUnmigratedDatabaseAndLeavesIt() async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        try await LoopbackServer.with(world.router()) { base in
            try await withTemporaryDirectory { folder in
                let path = try Self.writeSettings(folder, base: base, world: world)
                let database = "\(folder.path)/upshift.sqlite"
                #expect(FileManager.default.createFile(atPath: database, contents: nil))
                let output = CapturingOutputWriter()
                let status = await Upshift.run(["feed", "--once", "--config", path], context: CLIContext(output: output))
                #expect(status == 1)
                let errors = await output.errorText
                #expect(errors.contains(database) && errors.contains("schema"), "\(errors)")
                let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                #expect(listing == ["settings.json", "upshift.sqlite"])
                #expect(try Data(contentsOf: URL(fileURLWithPath: database)).isEmpty)
            }
        }
    }

    @Test func aFailingFeedIsReportedAndTheOthersAreRead() async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        try await LoopbackServer.with(world.router()) { base in
            try await withTemporaryDirectory { folder in
                let broken = "\(base)/missing.rss?tp=\(FakeWorld.passkey)"
                let path = try Self.writeSettings(folder, base: base, world: world, feeds: [broken, world.feedURL(base)])
                let output = CapturingOutputWriter()
                let status = await Upshift.run(["feed", "--once", "--config", path], context: CLIContext(output: output))
                #expect(status == 1)
                let errors = await output.errorText
                #expect(errors.contains("missing.rss"))
                #expect(!errors.contains(FakeWorld.passkey))
            }
        }
    }
}

import Foundation
import UpshiftCore
import UpshiftStore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The daemon's resident memory, idle, with a 50,000-movie library (SPEC §11: ≤ 40 MB).
///
/// Writes a 50,000-movie library (with file paths, as Plex gives them) into a fresh database,
/// starts the real `upshift serve` built next to this executable on a free loopback port with no
/// library source (so it serves the stored library) and nothing else configured, waits until
/// `/api/health` reports every movie loaded, lets it idle, then reads `VmHWM` (peak resident) and
/// `VmRSS` from `/proc` and stops it with SIGTERM.
struct MemoryBenchmark {
    var movies = 50_000
    var idleSeconds: Double = 5

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upshift-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var generator = LibraryGenerator(seed: 0x5EED)
        let library = generator.movies(count: movies).map { movie in
            var movie = movie
            movie.filePath = "/mnt/user/Media/Movies/\(movie.title) (\(movie.year ?? 0))/\(movie.title) (\(movie.year ?? 0)) Remux-2160p.mkv"
            movie.tmdbId = Int(movie.id).map { 100_000 + $0 }
            return movie
        }
        let databasePath = folder.appendingPathComponent("upshift.sqlite").path
        try await AppDatabase.open(path: databasePath).replaceLibrary(library, source: "bench", scannedAt: Date())

        let port = 20_000 + Int.random(in: 0..<20_000)
        let settings = #"{"web_port": \#(port), "database_path": "\#(databasePath)", "ipt_enabled": false}"#
        let settingsPath = folder.appendingPathComponent("settings.json").path
        try settings.write(toFile: settingsPath, atomically: true, encoding: .utf8)

        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("upshift")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchError("build upshift next to upshift-bench first: swift build -c release --product upshift")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--config", settingsPath, "--log-level", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        let started = Date()
        while try await loadedMovies(port: port) != movies {
            guard process.isRunning, Date().timeIntervalSince(started) < 60 else {
                throw BenchError("upshift serve did not load the library within 60 s")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let loadSeconds = Date().timeIntervalSince(started)
        try await Task.sleep(for: .milliseconds(Int(idleSeconds * 1000)))
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        let peak = Self.kilobytes("VmHWM", in: status)
        let resident = Self.kilobytes("VmRSS", in: status)
        print("library_movies: \(movies)")
        print(String(format: "start_to_loaded_seconds: %.2f", loadSeconds))
        // Anonymous memory is the daemon's own data; file-backed pages are its code and libraries,
        // shared with the page cache and dropped by the kernel under pressure.
        print(String(format: "idle_rss_anon_mb: %.1f", Double(Self.kilobytes("RssAnon", in: status)) / 1024))
        print(String(format: "idle_rss_file_mb: %.1f", Double(Self.kilobytes("RssFile", in: status)) / 1024))
        print(String(format: "idle_rss_mb: %.1f", Double(resident) / 1024))
        print(String(format: "peak_rss_mb: %.1f", Double(peak) / 1024))
    }

    /// `library_movies` from `/api/health`, or `nil` while the server is not answering.
    private func loadedMovies(port: Int) async throws -> Int? {
        let url = URL(string: "http://127.0.0.1:\(port)/api/health")!
        guard let (data, _) = try? await URLSession.shared.data(from: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["library_movies"] as? Int
    }

    static func kilobytes(_ field: String, in status: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}

/// A benchmark that cannot run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

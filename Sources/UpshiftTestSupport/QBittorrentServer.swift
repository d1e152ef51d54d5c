import AsyncHTTPClient
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real `qbittorrent-nox` for tests: a throwaway profile under the temporary folder, WebUI and
/// BitTorrent on free 127.0.0.1 ports, no DHT/PeX/LSD/UPnP/GeoIP (no outside traffic).
///
/// ``start(_:)`` waits until the WebUI answers, trying new ports when the process exits with status 1
/// (port taken by a concurrent test); ``stop()`` sends SIGTERM, waits (SIGKILL after 15 s) and removes
/// the profile. Each instance has its own profile and ports, so tests may run several at once.
/// A missing binary is an error (``QBittorrentServerError/binaryMissing(_:)``), never a skip.
public actor QBittorrentServer {
    /// The configuration it was started with (credentials included).
    public nonisolated let config: QBittorrentServerConfig
    /// `http://127.0.0.1:PORT`.
    public nonisolated let baseURL: URL
    /// The profile folder (config, data, logs), removed by ``stop()``.
    public nonisolated let profile: URL
    /// The default save path, inside the profile.
    public nonisolated let downloads: URL
    private let process: Process
    private var stopped = false

    private init(config: QBittorrentServerConfig, baseURL: URL, profile: URL, process: Process) {
        self.config = config
        self.baseURL = baseURL
        self.profile = profile
        self.downloads = profile.appendingPathComponent("downloads")
        self.process = process
    }

    /// Starts a server and waits until its WebUI answers (typically 0.2–0.5 s).
    public static func start(_ config: QBittorrentServerConfig = .init()) async throws -> QBittorrentServer {
        let binary = try locateBinary(config.binary)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("upshift-qbt-\(UUID().uuidString)")
        let configFolder = profile.appendingPathComponent("qBittorrent/config")
        let downloads = profile.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        var lastStatus: Int32 = 0
        for _ in 0..<8 {
            let (webPort, torrentPort) = try freePorts()
            let text = try config.configurationText(
                webPort: webPort, torrentPort: torrentPort, downloads: downloads.path)
            try text.write(
                to: configFolder.appendingPathComponent("qBittorrent.conf"), atomically: true, encoding: .utf8)
            let process = try launch(binary, profile: profile, webPort: webPort)
            let baseURL = URL(string: "http://127.0.0.1:\(webPort)")!
            let answering: Bool
            do {
                answering = try await waitUntilAnswering(baseURL, process: process)
            } catch {
                process.terminate()
                process.waitUntilExit()
                try? FileManager.default.removeItem(at: profile)
                throw error
            }
            if answering {
                return QBittorrentServer(config: config, baseURL: baseURL, profile: profile, process: process)
            }
            lastStatus = process.terminationStatus
            guard lastStatus == 1 else { break }  // 1 = WebUI port taken: try other ports
        }
        let log = diagnostics(profile)
        try? FileManager.default.removeItem(at: profile)
        throw QBittorrentServerError.didNotStart(status: lastStatus, log: log)
    }

    /// Starts a server, runs `body` with it, and stops it whether `body` succeeds or throws.
    public static func with<Result: Sendable>(
        _ config: QBittorrentServerConfig = .init(), _ body: (QBittorrentServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(config)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// SIGTERM, wait for the exit (SIGKILL after 15 s), remove the profile. Safe to call twice.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(15)
            while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
            }
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// The end of qBittorrent's own log (line-buffered, unlike its redirected stdout), for failure messages.
    public nonisolated var log: String { Self.diagnostics(profile) }

    /// How many lines of qBittorrent's own log contain `text`, once at least `minimum` do (or 5 s have
    /// passed) and another 300 ms brought no more: e.g. `WebAPI login failure` counts the refused logins
    /// (wrong credentials and banned alike), which qBittorrent logs as warnings.
    public nonisolated func logLines(containing text: String, minimum: Int = 1) async throws -> Int {
        let file = profile.appendingPathComponent("qBittorrent/data/logs/qbittorrent.log")
        func count() -> Int {
            let log = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            return log.split(separator: "\n").filter { $0.contains(text) }.count
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while count() < minimum, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        var last = count()
        while true {
            try await Task.sleep(for: .milliseconds(300))
            let now = count()
            if now == last { return now }
            last = now
        }
    }

    // MARK: - Process

    /// `qbittorrent-nox` from `QBITTORRENT_NOX` or the `PATH`.
    private static func locateBinary(_ configured: String?) throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = configured ?? environment["QBITTORRENT_NOX"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw QBittorrentServerError.binaryMissing(explicit)
            }
            return URL(fileURLWithPath: explicit)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("qbittorrent-nox")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw QBittorrentServerError.binaryMissing(path)
    }

    private static func launch(_ binary: URL, profile: URL, webPort: Int) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--profile=\(profile.path)", "--webui-port=\(webPort)"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path  // nothing may land in the real home folder
        process.environment = environment
        let output = profile.appendingPathComponent("stdout.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        handle.seekToEndOfFile()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        // qbittorrent-nox must see stop()'s SIGTERM, which the test runner's threads block.
        try process.runWithSignalsUnblocked()
        try? handle.close()  // the child has its own copy
        return process
    }

    /// True once any HTTP answer comes back; false when the process exits first. Throws after 20 s.
    private static func waitUntilAnswering(_ baseURL: URL, process: Process) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { return false }
            do {
                let request = HTTPClientRequest(url: "\(baseURL.absoluteString)/api/v2/app/version")
                _ = try await HTTPClient.shared.execute(request, timeout: .seconds(1))
                return true
            } catch {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        throw QBittorrentServerError.timedOut
    }

    /// Two distinct ports that were free a moment ago (bound on 127.0.0.1:0, then released).
    private static func freePorts() throws -> (Int, Int) {
        let first = try freePort()
        var second = try freePort()
        while second == first { second = try freePort() }
        return (first, second)
    }

    private static func freePort() throws -> Int {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw QBittorrentServerError.noFreePort }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw QBittorrentServerError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func diagnostics(_ profile: URL) -> String {
        let log = profile.appendingPathComponent("qBittorrent/data/logs/qbittorrent.log")
        let stdout = profile.appendingPathComponent("stdout.log")
        let text = [log, stdout].compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        return String(text.suffix(2000))
    }
}

/// Why a test qbittorrent-nox could not be started.
public enum QBittorrentServerError: Error, Sendable, CustomStringConvertible {
    /// No `qbittorrent-nox` executable at the configured path, `QBITTORRENT_NOX`, or on the `PATH` (the text).
    case binaryMissing(String)
    /// The process exited before its WebUI answered.
    case didNotStart(status: Int32, log: String)
    /// The WebUI did not answer within 20 s.
    case timedOut
    /// No free loopback port could be bound.
    case noFreePort

    public var description: String {
        switch self {
        case .binaryMissing(let path):
            "qbittorrent-nox was not found (looked in \(path)); install it (scripts/test installs the Debian "
                + "package qbittorrent-nox) or set QBITTORRENT_NOX to its path"
        case .didNotStart(let status, let log):
            "qbittorrent-nox exited with status \(status) before its WebUI answered; log:\n\(log)"
        case .timedOut:
            "qbittorrent-nox's WebUI did not answer within 20 seconds"
        case .noFreePort:
            "no free port could be bound on 127.0.0.1"
        }
    }
}

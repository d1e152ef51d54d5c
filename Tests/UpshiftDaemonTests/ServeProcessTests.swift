import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import UpshiftCLI
import UpshiftTestSupport

/// `upshift serve` as a user runs it: the built executable, a small settings file, SIGTERM.
@Suite struct ServeProcessTests {
    /// The `upshift` executable next to the test bundle (SwiftPM builds every product before testing).
    static func executable() throws -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [here, here.deletingLastPathComponent()].map { $0.appendingPathComponent("upshift") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ServeTestError("the upshift executable was not built next to the tests (looked in \(here.path))")
        }
        return found
    }

    struct ServeTestError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Everything it talks to is down (Plex, Telegram, qBittorrent, the feed): it still serves the
    /// web UI, and SIGTERM still stops it at once (the first library scan never finished).
    @Test func startsWithMinimalSettingsAndStopsCleanlyOnSIGTERM() async throws {
        let binary = try Self.executable()
        try await withTemporaryDirectory { folder in
            let port = try #require(URL(string: try await LoopbackServer.unusedBaseURL())?.port)
            let telegramDown = try await LoopbackServer.unusedBaseURL()
            let token = "987654321:AAsecret-token-never-printed"
            let settings = """
                {"web_port": \(port), "database_path": "\(folder.path)/upshift.sqlite",
                 "qbittorrent_host": "127.0.0.1", "qbittorrent_port": 9,
                 "telegram_bot_token": "\(token)", "telegram_chat_id": 42, "telegram_api_url": "\(telegramDown)",
                 "plex_url": "\(telegramDown)", "plex_token": "plex-secret-never-printed",
                 "ipt_feed_urls": ["http://127.0.0.1:9/t.rss?u=1;tp=feedpasskey0123456789abcdef;101;download"]}
                """
            try settings.write(to: folder.appendingPathComponent("settings.json"), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["serve", "--config", folder.appendingPathComponent("settings.json").path]
            process.currentDirectoryURL = folder
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.runWithSignalsUnblocked()

            var healthy = false
            for _ in 0..<100 where !healthy && process.isRunning {
                if let response = try? await HTTPClient.shared.execute(
                    HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/health"), timeout: .seconds(1)),
                    response.status == .ok
                {
                    healthy = true
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(healthy, "upshift serve did not answer /api/health")
            let page = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/"), timeout: .seconds(5))
            #expect(page.status == .ok)

            process.terminate()  // SIGTERM
            let deadline = ContinuousClock.now + .seconds(15)
            while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!process.isRunning, "upshift serve did not stop within 15 s of SIGTERM")
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(log.contains("Upshift is listening"))
            #expect(log.contains("Upshift stopped"))
            #expect(!log.contains(token))
            #expect(!log.contains("plex-secret-never-printed"))
            #expect(!log.contains("feedpasskey0123456789abcdef"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("upshift.sqlite").path))
        }
    }

    @Test func badSettingsStopStartUpNamingTheKey() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("settings.json").path
            try #"{"web_port": "eighty", "telegram_bot_token": "1:x"}"#.write(toFile: path, atomically: true, encoding: .utf8)
            let output = CapturingOutputWriter()
            let status = await Upshift.run(["serve", "--config", path], context: CLIContext(output: output))
            #expect(status == 1)
            let errors = await output.errorText
            #expect(errors.contains("\"web_port\""))

            try #"{"telegram_bot_token": "1:secret-x"}"#.write(toFile: path, atomically: true, encoding: .utf8)
            let second = CapturingOutputWriter()
            #expect(await Upshift.run(["serve", "--config", path], context: CLIContext(output: second)) == 1)
            let text = await second.errorText
            #expect(text.contains("\"telegram_chat_id\" is required"))
            #expect(!text.contains("secret-x"))

            try #"{"database_path": "/no/such/folder/u.sqlite"}"#.write(toFile: path, atomically: true, encoding: .utf8)
            let third = CapturingOutputWriter()
            #expect(await Upshift.run(["serve", "--config", path], context: CLIContext(output: third)) == 1)
            #expect(await third.errorText.contains("\"database_path\""))
        }
    }
}

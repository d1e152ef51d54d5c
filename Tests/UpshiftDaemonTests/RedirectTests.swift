import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import Testing
import UpshiftCLI
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

/// SPEC §9: no redirect carries `X-Plex-Token`, `X-Api-Key`, the qBittorrent login or the bot token to
/// another origin. Each service of the live wiring talks to a server that answers every request with
/// a 307 (which keeps the method, headers and body) to a second loopback server: the call fails naming
/// the status, and the second server hears nothing.
@Suite struct RedirectTests {
    static let secret = "redirect-Secret-0123456789abcdef"

    /// Records everything; answers 200 with an empty JSON object.
    static func elsewhere(_ recorder: RequestRecorder) -> Router<BasicRequestContext> {
        let router = Router()
        let answer: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            try await recorder.record(request)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{}")))
        }
        router.get("**", use: answer)
        router.post("**", use: answer)
        return router
    }

    /// Sends every request, path and query kept, to `target` with a 307.
    static func redirecting(to target: String) -> Router<BasicRequestContext> {
        let router = Router()
        let answer: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Response.redirect(to: "\(target)\(request.uri.path)\(query)", type: .temporary)
        }
        router.get("**", use: answer)
        router.post("**", use: answer)
        return router
    }

    /// The live dependencies of a daemon whose services all sit behind the redirecting server.
    static func dependencies(_ redirector: String, plex: Bool) -> DaemonDependencies {
        var settings = Settings()
        settings.qbittorrentHost = redirector
        settings.qbittorrentUsername = "admin"
        settings.qbittorrentPassword = Secret(secret)
        settings.radarrURL = URL(string: redirector)
        settings.radarrAPIKey = Secret(secret)
        settings.plexURL = plex ? URL(string: redirector) : nil
        settings.plexToken = Secret(secret)
        settings.telegramBotToken = Secret("123456:\(secret)")
        settings.telegramChatID = "42"
        settings.telegramAPIURL = URL(string: redirector)!
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger)
    }

    @Test func noServiceFollowsARedirectToAnotherOrigin() async throws {
        let recorder = RequestRecorder()
        try await LoopbackServer.with(Self.elsewhere(recorder)) { target in
            try await LoopbackServer.with(Self.redirecting(to: target)) { redirector in
                let withPlex = Self.dependencies(redirector, plex: true)
                let withRadarr = Self.dependencies(redirector, plex: false)
                var failures: [String: String] = [:]
                do { _ = try await withPlex.library?.scan() } catch { failures["Plex"] = "\(error)" }
                do { _ = try await withRadarr.library?.scan() } catch { failures["Radarr"] = "\(error)" }
                do {
                    _ = try await withPlex.torrents.status(hash: String(repeating: "ab", count: 20))
                } catch { failures["qBittorrent"] = "\(error)" }
                do {
                    _ = try await withPlex.chat?.callbacks(after: nil, timeout: 0)
                } catch { failures["Telegram"] = "\(error)" }

                #expect(failures.keys.sorted() == ["Plex", "Radarr", "Telegram", "qBittorrent"])
                for (service, text) in failures {
                    #expect(text.contains("307"), "\(service): \(text)")
                    #expect(!text.contains(Self.secret), "\(service): \(text)")
                }
            }
        }
        let heard = await recorder.entries
        #expect(heard.isEmpty, "followed to \(heard.map { "\($0.method) \($0.path) \($0.headers)" })")
    }
}

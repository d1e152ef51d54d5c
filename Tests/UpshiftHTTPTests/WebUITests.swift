import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

/// The web UI (SPEC §8): pages, the Download / Skip forms with their CSRF token, the login
/// cookie, cross-site refusal, and no secret on any page.
@Suite struct WebUITests {
    typealias World = APITests.World

    static func cookie(_ response: TestResponse, _ name: String) -> String? {
        for value in response.headers[values: .setCookie] where value.hasPrefix("\(name)=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
    }

    @Test func pendingPageApprovesThroughAFormWithItsToken() async throws {
        let world = try World()
        try await world.seed()
        let id = try #require(await world.poller.pollOnce(force: true).requests.first)
        try await world.app().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Heat (1995)"))
            #expect(html.contains("P7 FEL"))
            #expect(html.contains("value=\"\(id)\""))
            let csrf = try #require(Self.cookie(page, "upshift_csrf"))
            #expect(html.contains(csrf))

            let forged = try await client.execute(
                uri: "/ui/approve", method: .post, headers: [.cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["request_id": id, "csrf": "wrong"]))
            #expect(forged.status == .forbidden)
            #expect(await world.torrents.adds.isEmpty)

            let crossSite = try await client.execute(
                uri: "/ui/approve", method: .post,
                headers: [.cookie: "upshift_csrf=\(csrf)", .origin: "https://evil.example", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["request_id": id, "csrf": csrf]))
            #expect(crossSite.status == .forbidden)

            let approve = try await client.execute(
                uri: "/ui/approve", method: .post, headers: [.cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["request_id": id, "csrf": csrf]))
            #expect(approve.status == .seeOther)
            #expect(await world.torrents.adds.count == 1)

            let late = try await client.execute(
                uri: "/ui/skip", method: .post, headers: [.cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["request_id": id, "csrf": csrf]))
            #expect(late.status == .conflict)
            #expect(String(buffer: late.body).contains("already downloading"))
        }
    }

    @Test func everyPageRendersWithoutSecrets() async throws {
        let token = "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr"
        let world = try World {
            $0.telegramBotToken = Secret(token)
            $0.plexToken = Secret("plex-token-secret-value")
            $0.qbittorrentPassword = Secret("qbit-password-secret")
        }
        try await world.seed()
        await world.poller.pollOnce(force: true)
        try await world.app().test(.router) { client in
            for path in ["/", "/feed", "/history", "/library", "/settings", "/api/releases", "/api/downloads/pending"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                let text = String(buffer: response.body)
                for secret in [APITests.passkey, token, "plex-token-secret-value", "qbit-password-secret"] {
                    #expect(!text.contains(secret), "\(path) shows a secret")
                }
            }
            let feed = String(buffer: try await client.execute(uri: "/feed", method: .get).body)
            #expect(feed.contains("badge fel"))
            let library = String(buffer: try await client.execute(uri: "/library", method: .get).body)
            #expect(library.contains("1 movies; Dolby Vision 1 (P5 1); FEL 0; Atmos 0"))
        }
    }

    @Test func settingsValidationNamesTheBadKey() async throws {
        let world = try World()
        try await world.app().test(.router) { client in
            let page = try await client.execute(uri: "/settings", method: .get)
            let csrf = try #require(Self.cookie(page, "upshift_csrf"))
            let result = try await client.execute(
                uri: "/ui/settings/validate", method: .post,
                headers: [.cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["csrf": csrf, "settings": #"{"qbittorrent_port": "eighty", "notify_fell": true}"#]))
            let html = String(buffer: result.body)
            #expect(html.contains("Not valid"))
            #expect(html.contains("qbittorrent_port"))
            let good = try await client.execute(
                uri: "/ui/settings/validate", method: .post,
                headers: [.cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["csrf": csrf, "settings": #"{"notify_dv": true, "notify_fell": true}"#]))
            let goodHTML = String(buffer: good.body)
            #expect(goodHTML.contains("Valid."))
            #expect(goodHTML.contains("did you mean"))
        }
    }

    @Test func loginCookieOpensPagesAndBrowserCallsNeedTheToken() async throws {
        let key = "web-key-0123456789"
        let world = try World { $0.webAPIKey = Secret(key) }
        try await world.seed()
        let id = try #require(await world.poller.pollOnce(force: true).requests.first)
        try await world.app().test(.router) { client in
            let anonymous = try await client.execute(uri: "/", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/login", method: .get).status == .ok)

            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["key": "nope"]))
            #expect(wrong.status == .unauthorized)
            #expect(Self.cookie(wrong, "upshift_session") == nil)

            let login = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: Self.form(["key": key]))
            #expect(login.status == .seeOther)
            let session = try #require(Self.cookie(login, "upshift_session"))
            #expect(!session.contains(key))

            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "upshift_session=\(session)"])
            #expect(page.status == .ok)
            let csrf = try #require(Self.cookie(page, "upshift_csrf"))

            let body = ByteBuffer(string: #"{"request_id":"\#(id)"}"#)
            let noToken = try await client.execute(
                uri: "/api/downloads/approve", method: .post,
                headers: [.cookie: "upshift_session=\(session); upshift_csrf=\(csrf)"], body: body)
            #expect(noToken.status == .forbidden)
            let withToken = try await client.execute(
                uri: "/api/downloads/approve", method: .post,
                headers: [.cookie: "upshift_session=\(session); upshift_csrf=\(csrf)", .init("X-CSRF-Token")!: csrf],
                body: body)
            #expect(withToken.status == .ok)
            let bogus = try await client.execute(uri: "/api/health", method: .get, headers: [.cookie: "upshift_session=forged"])
            #expect(bogus.status == .unauthorized)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// Login sessions end: after `web_session_days` (checked by the server, and the cookie's Max-Age),
/// or when the owner logs out (POST /logout with the CSRF token), which also clears the cookie.
@Suite struct WebSessionTests {
    typealias World = APITests.World
    static let key = "web-key-for-sessions"

    static func logIn(_ client: some TestClientProtocol) async throws -> (session: String, setCookie: String) {
        let login = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: WebUITests.form(["key": key]))
        #expect(login.status == .seeOther)
        let session = try #require(WebUITests.cookie(login, "upshift_session"))
        let header = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("upshift_session=") })
        return (session, header)
    }

    @Test func aSessionExpiresAfterTheConfiguredDays() async throws {
        let world = try World {
            $0.webAPIKey = Secret(Self.key)
            $0.webSessionDays = 2
        }
        try await world.app().test(.router) { client in
            let (session, setCookie) = try await Self.logIn(client)
            #expect(setCookie.contains("Max-Age=172800"))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie: HTTPFields = [.cookie: "upshift_session=\(session)"]

            world.clock.advance(2 * 86_400 - 1)
            #expect(try await client.execute(uri: "/", method: .get, headers: cookie).status == .ok)
            #expect(try await client.execute(uri: "/api/health", method: .get, headers: cookie).status == .ok)

            world.clock.advance(1)
            let page = try await client.execute(uri: "/", method: .get, headers: cookie)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            #expect(try await client.execute(uri: "/api/health", method: .get, headers: cookie).status == .unauthorized)
        }
    }

    @Test func theDefaultIsThirtyDays() async throws {
        let world = try World { $0.webAPIKey = Secret(Self.key) }
        try await world.app().test(.router) { client in
            let (session, setCookie) = try await Self.logIn(client)
            #expect(setCookie.contains("Max-Age=2592000"))
            world.clock.advance(30 * 86_400)
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "upshift_session=\(session)"])
            #expect(page.status == .seeOther)
        }
    }

    @Test func logOutEndsTheSessionAndClearsTheCookie() async throws {
        let world = try World { $0.webAPIKey = Secret(Self.key) }
        try await world.app().test(.live) { client in
            let (session, _) = try await Self.logIn(client)
            let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "upshift_session=\(session)"])
            let csrf = try #require(WebUITests.cookie(page, "upshift_csrf"))
            let html = String(buffer: page.body)
            #expect(html.contains(#"<form class="logout" method="post" action="/logout">"#))
            #expect(html.contains(#"<input type="hidden" name="csrf" value="\#(csrf)">"#))
            #expect(html.contains("Log out"))
            let cookies: HTTPFields = [
                .cookie: "upshift_session=\(session); upshift_csrf=\(csrf)",
                .contentType: "application/x-www-form-urlencoded",
            ]

            let forged = try await client.execute(
                uri: "/logout", method: .post, headers: cookies, body: WebUITests.form(["csrf": "wrong"]))
            #expect(forged.status == .forbidden)
            let stillIn = try await client.execute(uri: "/", method: .get, headers: [.cookie: "upshift_session=\(session)"])
            #expect(stillIn.status == .ok)

            let logout = try await client.execute(
                uri: "/logout", method: .post, headers: cookies, body: WebUITests.form(["csrf": csrf]))
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.location] == "/login")
            let cleared = try #require(logout.headers[values: .setCookie].first { $0.hasPrefix("upshift_session=") })
            #expect(cleared.hasPrefix("upshift_session=;"))
            #expect(cleared.contains("Max-Age=0"))

            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: "upshift_session=\(session)"])
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login")
        }
    }

    @Test func withoutAKeyThereIsNoLogOutButton() async throws {
        let world = try World()
        try await world.app().test(.router) { client in
            for path in ["/", "/feed", "/settings"] {
                let page = try await client.execute(uri: path, method: .get)
                #expect(!String(buffer: page.body).contains("/logout"), "\(path)")
            }
        }
    }

    @Test func everyPageOfAKeyedDaemonHasTheButton() async throws {
        let world = try World { $0.webAPIKey = Secret(Self.key) }
        try await world.app().test(.router) { client in
            let (session, _) = try await Self.logIn(client)
            for path in ["/", "/feed", "/history", "/library", "/settings"] {
                let page = try await client.execute(uri: path, method: .get, headers: [.cookie: "upshift_session=\(session)"])
                #expect(String(buffer: page.body).contains(#"action="/logout""#), "\(path)")
            }
        }
    }
}

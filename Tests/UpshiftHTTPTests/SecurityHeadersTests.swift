import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftServices
import UpshiftSettings

/// Every answer (pages, the stylesheet, the API and refusals) forbids framing, sniffing and
/// referrers, and pages carry a Content-Security-Policy they comply with.
@Suite struct SecurityHeadersTests {
    typealias World = APITests.World

    static let csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

    /// No inline script or style in any page, so the policy can forbid them.
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let world = try World { $0.webAPIKey = Secret("a-key") }
        try await world.seed()
        await world.poller.pollOnce(force: true)
        try await world.app().test(.live) { client in
            let login = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: WebUITests.form(["key": "a-key"]))
            let session = try #require(WebUITests.cookie(login, "upshift_session"))
            var answers: [(String, TestResponse)] = [("POST /login", login)]
            for path in ["/", "/feed", "/history", "/library", "/settings", "/login", "/style.css", "/api/health"] {
                let response = try await client.execute(
                    uri: path, method: .get, headers: [.cookie: "upshift_session=\(session)"])
                #expect(response.status == .ok, "\(path)")
                answers.append((path, response))
                if response.headers[.contentType]?.hasPrefix("text/html") == true {
                    let html = String(buffer: response.body)
                    #expect(!html.contains("<script") && !html.contains("<style") && !html.contains("style="), "\(path)")
                }
            }
            answers.append(("no key", try await client.execute(uri: "/api/health", method: .get)))
            answers.append(("bad host", try await client.execute(uri: "/", method: .get, headers: [WebUIHardeningTests.host: "evil.example"])))
            for (name, response) in answers {
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(name)")
                #expect(response.headers[.contentSecurityPolicy] == Self.csp, "\(name)")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(name)")
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(name)")
            }
        }
    }

    /// The `Origin` a browser sends with a same-origin form POST from a page served under `policy`
    /// (Fetch standard, "append a request `Origin` header"): `no-referrer` turns it into `null`.
    static func browserOrigin(_ origin: String, referrerPolicy policy: String?) -> String {
        policy?.lowercased() == "no-referrer" ? "null" : origin
    }

    /// A browser's own form posts must pass the cross-site check: under `Referrer-Policy:
    /// no-referrer` every one of them (log in, log out, Download, Skip, Validate) would carry
    /// `Origin: null` and be refused as cross-site, as headless Chromium showed.
    @Test func aBrowsersSameOriginFormPostIsAccepted() async throws {
        let world = try World()
        try await world.app().test(.live) { client in
            let page = try await client.execute(uri: "/settings", method: .get)
            let csrf = try #require(WebUITests.cookie(page, "upshift_csrf"))
            // The live test client sends `Host: localhost`, so the page's origin is http://localhost.
            let origin = Self.browserOrigin(
                "http://localhost", referrerPolicy: page.headers[.init("Referrer-Policy")!])
            let post = try await client.execute(
                uri: "/ui/settings/validate", method: .post,
                headers: [
                    .cookie: "upshift_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded",
                    .origin: origin, .init("Sec-Fetch-Site")!: "same-origin",
                ],
                body: WebUITests.form(["csrf": csrf, "settings": "{}"]))
            #expect(post.status == .ok)
            #expect(String(buffer: post.body).contains("Valid."))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftServices
import UpshiftSettings

/// The web UI's defences: a CSRF cookie is echoed into a page only when it is a token the daemon
/// mints, and every bind answers only to the `Host` names it expects (DNS rebinding).
@Suite struct WebUIHardeningTests {
    typealias World = APITests.World

    static let host = HTTPField.Name("Host")!

    // MARK: - CSRF cookie

    /// 32 characters each, as the old length check wanted; none is 32 lowercase hex characters.
    @Test(arguments: [
        #"x"><script>alert(1)</script>abcd"#,
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcdeg",
        "<img src=x onerror=alert(1)>abcd",
    ])
    func aCookieThatIsNotAMintedTokenIsReplaced(cookie: String) async throws {
        #expect(cookie.count == 32)
        let world = try World()
        try await world.seed()
        await world.poller.pollOnce(force: true)
        try await world.app().test(.router) { client in
            for path in ["/", "/settings"] {
                let page = try await client.execute(
                    uri: path, method: .get, headers: [.cookie: "upshift_csrf=\(cookie)"])
                #expect(page.status == .ok)
                let html = String(buffer: page.body)
                #expect(!html.contains(cookie), "\(path) echoes the cookie")
                #expect(!html.contains("<script>") && !html.contains("<img"))
                let fresh = try #require(WebUITests.cookie(page, "upshift_csrf"), "\(path) sets no new cookie")
                #expect(fresh != cookie && fresh.count == 32)
                #expect(html.contains("name=\"csrf\" value=\"\(fresh)\""))
            }
            // A form carrying the same bad value as its cookie is refused as well.
            let post = try await client.execute(
                uri: "/ui/settings/validate", method: .post,
                headers: [.cookie: "upshift_csrf=\(cookie)", .contentType: "application/x-www-form-urlencoded"],
                body: WebUITests.form(["csrf": cookie, "settings": "{}"]))
            #expect(post.status == .forbidden)
            #expect(!String(buffer: post.body).contains(cookie))
        }
    }

    @Test func aMintedTokenIsKept() async throws {
        let world = try World()
        try await world.app().test(.router) { client in
            let token = "0123456789abcdef0123456789abcdef"
            let page = try await client.execute(
                uri: "/settings", method: .get, headers: [.cookie: "upshift_csrf=\(token)"])
            #expect(WebUITests.cookie(page, "upshift_csrf") == nil)
            #expect(String(buffer: page.body).contains("name=\"csrf\" value=\"\(token)\""))
        }
    }

    // MARK: - DNS rebinding

    @Test(arguments: ["127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]", "LOCALHOST"])
    func aLoopbackDaemonRefusesForeignHostNames(webHost: String) async throws {
        let world = try World { $0.webHost = webHost }
        try await world.app().test(.router) { client in
            for foreign in [
                "evil.example", "evil.example:8787", "127.0.0.1.evil.example", "localhost.evil.example:80",
                "192.168.1.10:8787", "0.0.0.0", "[::2]:8787", "127.0.0.256", "localhost:80x", "",
            ] {
                for path in ["/", "/api/health", "/login", "/style.css"] {
                    let response = try await client.execute(uri: path, method: .get, headers: [Self.host: foreign])
                    #expect(response.status == .forbidden, "Host \(foreign) on \(path)")
                    let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                    let message = (body as? [String: String])?["error"]
                    #expect(message?.contains("loopback") == true, "Host \(foreign) on \(path)")
                }
                let post = try await client.execute(
                    uri: "/api/feeds/poll", method: .post, headers: [Self.host: foreign])
                #expect(post.status == .forbidden, "Host \(foreign) on a POST")
            }
        }
    }

    @Test(arguments: [
        "localhost", "localhost:8787", "127.0.0.1", "127.0.0.1:8787", "127.1.2.3:80", "[::1]", "[::1]:8787",
        "Localhost:8787",
    ])
    func aLoopbackDaemonAnswersLoopbackNames(host: String) async throws {
        let world = try World()
        try await world.app().test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get, headers: [Self.host: host])
            #expect(page.status == .ok)
            let api = try await client.execute(uri: "/api/health", method: .get, headers: [Self.host: host])
            #expect(api.status == .ok)
        }
    }

    @Test func aLANDaemonAnswersItsAddressLoopbackAndListedNamesOnly() async throws {
        let world = try World {
            $0.webHost = "192.168.1.10"
            $0.webAllowedHosts = ["upshift.lan", "fe80::1"]
        }
        try await world.app().test(.router) { client in
            for host in [
                "192.168.1.10:8787", "192.168.1.10", "upshift.lan", "UPSHIFT.LAN:8787", "upshift.lan.:80",
                "[fe80::1]:8787", "[FE80:0::1]", "localhost:8787", "127.0.0.1", "[::1]",
            ] {
                let page = try await client.execute(uri: "/", method: .get, headers: [Self.host: host])
                #expect(page.status == .ok, "Host \(host)")
            }
            for foreign in [
                "evil.example", "evil.example:8787", "upshift.lan.evil.example", "192.168.1.11:8787", "10.0.0.5",
                "[fe80::2]", "0.0.0.0", "",
            ] {
                for path in ["/", "/api/health", "/login", "/style.css"] {
                    let response = try await client.execute(uri: path, method: .get, headers: [Self.host: foreign])
                    #expect(response.status == .forbidden, "Host \(foreign) on \(path)")
                    #expect(String(buffer: response.body).contains("web_allowed_hosts"), "Host \(foreign) on \(path)")
                }
            }
        }
    }

    /// DNS rebinding needs a DNS name: a wildcard bind answers IP literals and loopback names, and a
    /// name only when `web_allowed_hosts` lists it.
    @Test(arguments: ["0.0.0.0", "::", "[::]"])
    func aWildcardDaemonAnswersAddressesAndListedNamesOnly(webHost: String) async throws {
        let world = try World { $0.webHost = webHost }
        let listed = try World {
            $0.webHost = webHost
            $0.webAllowedHosts = ["upshift.lan"]
        }
        try await world.app().test(.router) { client in
            for host in ["192.168.1.10:8787", "10.0.0.5", "[fe80::1]:8787", "localhost", "127.0.0.1:8787"] {
                let page = try await client.execute(uri: "/", method: .get, headers: [Self.host: host])
                #expect(page.status == .ok, "Host \(host)")
            }
            for foreign in ["evil.example", "upshift.lan:8787", "192.168.1.10.evil.example", ""] {
                let page = try await client.execute(uri: "/", method: .get, headers: [Self.host: foreign])
                #expect(page.status == .forbidden, "Host \(foreign)")
            }
        }
        try await listed.app().test(.router) { client in
            for host in ["upshift.lan:8787", "192.168.1.10:8787", "localhost"] {
                let page = try await client.execute(uri: "/", method: .get, headers: [Self.host: host])
                #expect(page.status == .ok, "Host \(host)")
            }
            let foreign = try await client.execute(uri: "/", method: .get, headers: [Self.host: "evil.example"])
            #expect(foreign.status == .forbidden)
        }
    }
}

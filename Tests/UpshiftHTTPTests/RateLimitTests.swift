import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftSettings
import UpshiftTestSupport

@testable import UpshiftHTTP

/// Guessing `web_api_key` is slow: after 5 wrong keys in a minute (on `/login` or in `X-Api-Key`)
/// a client address gets 429 with `Retry-After`, even for the right key, until the minute is over.
@Suite struct RateLimitTests {
    typealias World = APITests.World
    static let key = "the-right-web-key"
    static let apiKey = HTTPField.Name("X-Api-Key")!

    static func login(_ client: some TestClientProtocol, _ key: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: WebUITests.form(["key": key]))
    }

    @Test func wrongLoginsAreLimitedAndASuccessResetsNothing() async throws {
        let world = try World { $0.webAPIKey = Secret(Self.key) }
        try await world.app().test(.router) { client in
            for _ in 0..<4 { #expect(try await Self.login(client, "guess").status == .unauthorized) }
            #expect(try await Self.login(client, Self.key).status == .seeOther)
            #expect(try await Self.login(client, "guess").status == .unauthorized)  // the fifth failure

            let limited = try await Self.login(client, Self.key)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
            #expect(WebUITests.cookie(limited, "upshift_session") == nil)
            let page = String(buffer: limited.body)
            #expect(page.contains("Too many wrong keys"))
            #expect(!page.contains(Self.key))

            world.clock.advance(45)
            #expect(try await Self.login(client, "guess").headers[.retryAfter] == "15")
            world.clock.advance(15)
            #expect(try await Self.login(client, Self.key).status == .seeOther)
        }
    }

    @Test func badAPIKeysAreLimitedAndRequestsWithoutAKeyDoNotCount() async throws {
        let world = try World { $0.webAPIKey = Secret(Self.key) }
        try await world.app().test(.router) { client in
            for _ in 0..<10 {
                #expect(try await client.execute(uri: "/api/health", method: .get).status == .unauthorized)
            }
            for _ in 0..<5 {
                let wrong = try await client.execute(uri: "/api/health", method: .get, headers: [Self.apiKey: "guess"])
                #expect(wrong.status == .unauthorized)
            }
            let limited = try await client.execute(uri: "/api/health", method: .get, headers: [Self.apiKey: Self.key])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
            let body = try #require(try APITests.json(limited.body) as? [String: String])
            #expect(body["error"]?.contains("Too many wrong keys") == true)
            // The login page counts against the same address.
            #expect(try await Self.login(client, Self.key).status == .tooManyRequests)

            world.clock.advance(60)
            let right = try await client.execute(uri: "/api/health", method: .get, headers: [Self.apiKey: Self.key])
            #expect(right.status == .ok)
        }
    }

    // MARK: - The limiter

    @Test func eachAddressHasItsOwnCount() async {
        let clock = TestClock()
        let limiter = FailureLimiter(now: clock.closure)
        for _ in 0..<5 { await limiter.recordFailure("192.0.2.1") }
        await limiter.recordFailure("192.0.2.2")
        #expect(await limiter.retryAfter("192.0.2.1") == 60)
        #expect(await limiter.retryAfter("192.0.2.2") == nil)
        #expect(await limiter.retryAfter("192.0.2.3") == nil)
        clock.advance(59.5)
        #expect(await limiter.retryAfter("192.0.2.1") == 1)
        clock.advance(0.5)
        #expect(await limiter.retryAfter("192.0.2.1") == nil)
    }

    @Test func theTableIsBounded() async {
        let clock = TestClock()
        let limiter = FailureLimiter(capacity: 100, now: clock.closure)
        for _ in 0..<5 { await limiter.recordFailure("blocked") }
        for index in 0..<1000 {
            await limiter.recordFailure("198.51.100.\(index)")
            clock.advance(0.001)
        }
        #expect(await limiter.clientCount <= 100)
        // Addresses that are not blocked make room first: flooding does not lift a block.
        #expect(await limiter.retryAfter("blocked") != nil)
        // Once the minute is over, every entry may go.
        clock.advance(61)
        await limiter.recordFailure("203.0.113.1")
        #expect(await limiter.clientCount == 1)
    }
}

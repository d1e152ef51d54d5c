import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Hummingbird
import Logging
import NIOCore
import Testing
import UpshiftTestSupport

/// The shared call path against a real loopback server: statuses, deadline, body cap, refusal,
/// and redaction of every text that leaves it.
@Suite struct HTTPCallerTests {
    static let secret = "S3CRET-passkey-0123456789abcdef"

    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/ok") { _, _ in "fine" }
        router.get("/forbidden") { _, _ -> Response in
            Response(status: .forbidden, body: .init(byteBuffer: ByteBuffer(string: "no access for \(Self.secret)")))
        }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(2))
            return "late"
        }
        router.get("/big") { _, _ in String(repeating: "x", count: 4096) }
        // Headers at once, then one byte a second for 5 s: only a deadline over the body ends the call.
        router.get("/trickle") { _, _ -> Response in
            Response(
                status: .ok,
                body: ResponseBody { writer in
                    for _ in 0..<5 {
                        try await writer.write(ByteBuffer(string: "x"))
                        try await Task.sleep(for: .seconds(1))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("/moved") { _, _ -> Response in
            Response.redirect(to: "http://127.0.0.1:9/elsewhere?passkey=\(Self.secret)", type: .temporary)
        }
        return router
    }

    static func caller(_ capture: LogCapture) -> HTTPCaller {
        HTTPCaller(
            client: .shared, service: "test", redactor: Redactor(secrets: [secret]), timeout: .seconds(5),
            maxBodyBytes: 1024, logger: capture.logger
        )
    }

    @Test func successAndStatusAreReported() async throws {
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router()) { base in
            let caller = Self.caller(capture)
            let ok = try await caller.send(HTTPClientRequest(url: "\(base)/ok"))
            #expect(ok.status == 200 && ok.text == "fine")
            let denied = try await caller.send(HTTPClientRequest(url: "\(base)/forbidden?passkey=\(Self.secret)"))
            #expect(denied.status == 403)
            let error = caller.statusError(denied)
            #expect(error.status == 403)
            #expect(error.description.contains("answered HTTP 403"))
            #expect(!error.description.contains(Self.secret))
        }
        #expect(capture.count >= 2)
        #expect(!capture.text.contains(Self.secret))
    }

    @Test func deadlineBodyCapAndRefusalAreTyped() async throws {
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router()) { base in
            let caller = Self.caller(capture)
            await #expect { try await caller.send(HTTPClientRequest(url: "\(base)/slow"), timeout: .milliseconds(200)) } throws: {
                ($0 as? HTTPCallError)?.kind == .timeout
            }
            await #expect { try await caller.send(HTTPClientRequest(url: "\(base)/big")) } throws: {
                ($0 as? HTTPCallError)?.kind == .bodyTooLarge(limit: 1024)
            }
        }
        let down = try await LoopbackServer.unusedBaseURL()
        await #expect {
            try await Self.caller(capture).send(HTTPClientRequest(url: "\(down)/x?tp=\(Self.secret)"))
        } throws: { error in
            let error = error as? HTTPCallError
            return error?.kind == .unreachable && error?.description.contains(Self.secret) == false
        }
        #expect(!capture.text.contains(Self.secret))
    }

    @Test func theDeadlineCoversTheBodyNotOnlyTheHead() async throws {
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router()) { base in
            let started = ContinuousClock.now
            await #expect {
                try await Self.caller(capture).send(HTTPClientRequest(url: "\(base)/trickle"), timeout: .seconds(1))
            } throws: { error in
                let error = error as? HTTPCallError
                return error?.kind == .timeout && error?.service == "test"
                    && error?.description.hasPrefix("test: GET ") == true
                    && error?.description.contains("timed out") == true
            }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test func aRedirectIsAnErrorNamingOnlyTheOrigin() async throws {
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router()) { base in
            let caller = HTTPCaller(
                client: .noRedirects, service: "test", redactor: Redactor(secrets: [Self.secret]), logger: capture.logger)
            await #expect {
                try await caller.send(HTTPClientRequest(url: "\(base)/moved"))
            } throws: { error in
                let error = error as? HTTPCallError
                return error?.status == 307
                    && error?.description.hasSuffix("answered HTTP 307: redirect to http://127.0.0.1:9 not followed")
                        == true
            }
        }
        #expect(!capture.text.contains(Self.secret) && !capture.text.contains("elsewhere"))
    }

    @Test func formEncodingKeepsReservedCharacters() {
        #expect(FormEncoding.encode([("a", "1+2&b=3;c"), ("name", "Dune: Part Two")]) == "a=1%2B2%26b%3D3%3Bc&name=Dune%3A%20Part%20Two")
    }

    @Test func redactorMasksKnownSecretsAndPasskeys() {
        let redactor = Redactor(secrets: ["tok:EN/with+chars"])
        #expect(redactor("bot tok:EN/with+chars failed") == "bot ******** failed")
        #expect(redactor("x tok%3AEN%2Fwith%2Bchars y") == "x ******** y")
        let url = redactor.url("https://iptorrents.com/t.rss?u=1;tp=0123456789abcdef0123456789abcdef;101;download")
        #expect(!url.contains("0123456789abcdef0123456789abcdef"))
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore

/// A Hummingbird server on `127.0.0.1`, on a port the system picks, for client tests: the fake
/// Telegram, Radarr, Plex and RSS servers are routers served by this (STYLE: loopback, not mocks).
public enum LoopbackServer {
    /// Serves `router` on `127.0.0.1:0` while `body` runs with the server's base URL
    /// (`http://127.0.0.1:PORT`), then stops it.
    public static func with<Context: RequestContext, Result: Sendable>(
        _ router: Router<Context>, _ body: @Sendable (_ baseURL: String) async throws -> Result
    ) async throws -> Result where Context.Source == ApplicationRequestContextSource {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "loopback-server")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                throw LoopbackServerError.didNotStart
            }
            do {
                let result = try await body("http://127.0.0.1:\(port)")
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// A base URL where nothing listens (a port that was just free), for "server down" tests.
    public static func unusedBaseURL() async throws -> String {
        try await with(Router()) { base in base }
    }
}

/// The loopback server failed to bind.
public enum LoopbackServerError: Error, CustomStringConvertible {
    case didNotStart

    public var description: String { "the loopback test server did not start" }
}

/// Every request a fake server received, for assertions on what a client sent.
public actor RequestRecorder {
    /// One received request.
    public struct Entry: Sendable {
        /// `GET`, `POST`, …
        public var method: String
        /// Path without the query.
        public var path: String
        /// The raw query string, or empty.
        public var query: String
        /// Header name (lower-cased) → value.
        public var headers: [String: String]
        /// The body bytes.
        public var body: Data

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Everything received, in order.
    public private(set) var entries: [Entry] = []

    /// A recorder with nothing received.
    public init() {}

    /// Records a request; collects its body (up to 16 MiB).
    @discardableResult
    public func record(_ request: Request) async throws -> Entry {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let entry = Entry(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: headers, body: Data(buffer.readableBytesView)
        )
        entries.append(entry)
        return entry
    }

    /// Entries whose path ends with `suffix`.
    public func entries(pathSuffix suffix: String) -> [Entry] { entries.filter { $0.path.hasSuffix(suffix) } }
}

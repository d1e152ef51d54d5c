import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Synchronization
import Testing
import UpshiftHTTP

/// The HTTP server closes idle connections and holds at most `maxConnections` at once: a
/// connection over the cap waits unanswered until another closes. Served by ``buildApplication``
/// (the daemon's own wiring) on `127.0.0.1:0`, spoken to over raw sockets.
@Suite struct WebServerLimitsTests {
    typealias World = APITests.World
    static let request = "GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n"

    /// Serves the test daemon with `limits` while `body` runs with the port.
    static func serving(_ limits: WebServerLimits, _ body: @Sendable (Int) async throws -> Void) async throws {
        let world = try World()
        var logger = Logger(label: "limits-test")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            router: buildRouter(daemon: world.daemon, apiKey: ""), host: "127.0.0.1", port: 0, limits: limits,
            logger: logger, onServerRunning: { port in continuation.yield(port) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            do {
                try await body(port)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// Polls `condition` every 20 ms for up to 5 s (a guard against hanging, not a timing).
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    @Test func anIdleConnectionIsClosed() async throws {
        try await Self.serving(WebServerLimits(idleTimeout: .milliseconds(300), maxConnections: 8)) { port in
            // Timed from before the connect: the server's idle clock starts at accept, which may
            // come before `open` returns on a loaded machine.
            let started = ContinuousClock.now
            let silent = try await RawConnection.open(port: port)
            #expect(try await Self.eventually { silent.isClosed })
            #expect(ContinuousClock.now - started >= .milliseconds(250))

            // After an answer, a kept-alive connection is closed once it idles.
            let kept = try await RawConnection.open(port: port)
            try await kept.send(Self.request)
            #expect(try await Self.eventually { kept.text.contains("HTTP/1.1 200") })
            #expect(try await Self.eventually { kept.isClosed })
        }
    }

    @Test func connectionsOverTheCapWaitUntilOneCloses() async throws {
        try await Self.serving(WebServerLimits(idleTimeout: .seconds(30), maxConnections: 2)) { port in
            let first = try await RawConnection.open(port: port)
            let second = try await RawConnection.open(port: port)
            for connection in [first, second] {
                try await connection.send(Self.request)
                #expect(try await Self.eventually { connection.text.contains("HTTP/1.1 200") })
            }
            let third = try await RawConnection.open(port: port)
            try await third.send(Self.request)
            try await Task.sleep(for: .milliseconds(300))
            #expect(third.text.isEmpty, "a third connection was served while two were open")
            #expect(!first.isClosed && !second.isClosed)

            await first.close()
            #expect(try await Self.eventually { third.text.contains("HTTP/1.1 200") })
            await second.close()
            await third.close()
        }
    }
}

/// A client TCP connection that records what it receives and whether the server closed it.
struct RawConnection: Sendable {
    /// The client socket.
    let channel: any Channel
    /// What it received.
    let probe: Probe

    /// What arrived so far, and whether the connection is closed.
    final class Probe: Sendable {
        /// The text received so far, and whether the connection closed.
        let state = Mutex<(text: String, closed: Bool)>(("", false))
    }

    /// Records into a ``Probe``.
    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        /// Where to record.
        let probe: Probe
        /// A handler recording into `probe`.
        init(probe: Probe) { self.probe = probe }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let text = String(buffer: unwrapInboundIn(data))
            probe.state.withLock { $0.text += text }
        }

        func channelInactive(context: ChannelHandlerContext) {
            probe.state.withLock { $0.closed = true }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }

    /// Connects to `127.0.0.1:port`.
    static func open(port: Int) async throws -> RawConnection {
        let probe = Probe()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(probe: probe))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, probe: probe)
    }

    /// Everything received so far.
    var text: String { probe.state.withLock { $0.text } }
    /// True once the connection is closed (by either side).
    var isClosed: Bool { probe.state.withLock { $0.closed } }

    /// Writes `text` as is.
    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    /// Closes the connection from the client's side.
    func close() async {
        try? await channel.close()
    }
}

import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Limits of the HTTP server that are not settings: an idle connection is closed after
/// `idleTimeout` (which also ends a request whose head trickles in), and at most `maxConnections`
/// are served at once; further ones wait in the listen queue until one closes.
public struct WebServerLimits: Sendable {
    /// How long a connection may stay silent, between requests or inside a request's head.
    public var idleTimeout: Duration
    /// Connections served at once.
    public var maxConnections: Int

    /// The defaults of a home server: 30 seconds idle, 64 connections.
    public init(idleTimeout: Duration = .seconds(30), maxConnections: Int = 64) {
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

/// The Hummingbird application of `upshift serve`: `router` on `host:port` with the idle timeout
/// and connection cap of `limits`. `onServerRunning` gets the bound port (tests bind port 0).
/// The daemon and the tests both build the server here.
public func buildApplication(
    router: Router<UpshiftRequestContext>, host: String, port: Int, limits: WebServerLimits = WebServerLimits(),
    logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> Application<RouterResponder<UpshiftRequestContext>> {
    let idle = TimeAmount.nanoseconds(Int64((limits.idleTimeout / .nanoseconds(1)).rounded()))
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: .init(
            address: .hostname(host, port: port),
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger)
}

import Hummingbird
import NIOCore

/// The request context of Upshift's router: Hummingbird's basic context plus the client's address,
/// which the rate limit of failed logins and API keys counts by.
public struct UpshiftRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connected client, `nil` in router tests (no socket).
    public let remoteAddress: SocketAddress?

    /// The context of one request on `source`'s connection.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text, the key of the failure count. Behind a reverse proxy every
    /// client is the proxy (forwarding headers are not trusted).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}

import AsyncHTTPClient

extension HTTPClient {
    /// A process-wide client like `HTTPClient.shared` (same event loops and settings) that never follows
    /// a redirect: a 3xx reply comes back to ``HTTPCaller``, which throws it as an ``HTTPCallError`` with
    /// its status. For every service whose requests carry a secret in a header or the path (`X-Plex-Token`,
    /// `X-Api-Key`, the qBittorrent login and cookie, the bot token): AsyncHTTPClient keeps custom headers
    /// when it follows a redirect to another origin (SPEC §9). Like `shared`, it lives as long as the process.
    public static var noRedirects: HTTPClient { sharedWithoutRedirects }
}

private let sharedWithoutRedirects: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.redirectConfiguration = .disallow
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
}()

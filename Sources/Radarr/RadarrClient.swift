import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import UpshiftSettings

/// Radarr API v3 (SPEC §4, §6): the library's files and media info, and each movie's folder.
///
/// Every call sends `X-Api-Key`, goes through ``HTTPCaller`` (deadline, body cap, redaction) and
/// turns failures into ``RadarrError``. The key never appears in a log line or an error.
public struct RadarrClient: Sendable {
    /// Radarr's base URL, with its URL base if any (`http://10.0.0.35:7878`, `http://host/radarr`).
    public let baseURL: URL
    let apiKey: Secret
    var caller: HTTPCaller
    let logger: Logger

    /// Creates a client; nothing is sent until a method is called.
    /// `httpClient` should not follow redirects (``HTTPClient/noRedirects``): one would carry `X-Api-Key`.
    public init(baseURL: URL, apiKey: Secret, httpClient: HTTPClient, logger: Logger) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.logger = logger
        self.caller = HTTPCaller(
            client: httpClient, service: "Radarr", redactor: Redactor(secrets: [apiKey.exposedValue]),
            timeout: .seconds(30), maxBodyBytes: 256 << 20, logger: logger
        )
    }

    /// The deadline of the whole-library listing (`GET /api/v3/movie`): five minutes.
    public static let listingTimeout: Duration = .seconds(300)

    /// The deadline of each call (30 s for Radarr, 60 s for Plex by default). AsyncHTTPClient keeps
    /// retrying a refused connection until then, so this is also how long an unreachable server takes to fail.
    public var timeout: Duration {
        get { caller.timeout }
        set { caller.timeout = newValue }
    }

    // MARK: - Endpoints

    /// `GET /api/v3/system/status`: version and health; the cheapest way to check the URL and key.
    public func systemStatus() async throws -> RadarrSystemStatus {
        try await get("system/status")
    }

    /// `GET /api/v3/movie`: the whole library, each movie with its embedded `movieFile` when it has one.
    public func movies() async throws -> [RadarrMovie] {
        // The whole library in one reply (tens of MB for a large one): its own, longer deadline,
        // since the deadline covers the body too.
        try await get("movie", timeout: Self.listingTimeout)
    }

    /// `GET /api/v3/movie?tmdbId=N`: the library movie with this TMDB id, or nil.
    public func movie(tmdbId: Int) async throws -> RadarrMovie? {
        let found: [RadarrMovie] = try await get("movie", query: [("tmdbId", String(tmdbId))])
        return found.first
    }

    /// `GET /api/v3/movie/{id}`: one library movie, or nil when Radarr answers 404.
    public func movie(id: Int) async throws -> RadarrMovie? {
        do {
            return try await get("movie/\(id)") as RadarrMovie
        } catch RadarrError.notFound {
            return nil
        }
    }

    /// `GET /api/v3/movie/lookup?term=…`: a TMDB search through Radarr (`Dune Part Two 2024`,
    /// `tmdb:693134`, `imdb:tt15239678`). Films already in the library come back with `id` and `path`.
    public func lookup(term: String) async throws -> [RadarrMovie] {
        try await get("movie/lookup", query: [("term", term)])
    }

    /// `GET /api/v3/rootfolder`: Radarr's root folders (for ``PathMapper``).
    public func rootFolders() async throws -> [RadarrRootFolder] {
        try await get("rootfolder")
    }
}

import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import UpshiftSettings

/// Plex Media Server (SPEC §4): the movie sections, their movies and each movie's streams, read as
/// JSON with `X-Plex-Token`, and turned into Upshift's library by ``libraryMovies()``.
///
/// Every call goes through ``HTTPCaller`` (deadline, body cap, redaction) and fails with a
/// ``PlexError``. The token never appears in a log line or an error.
public struct PlexClient: Sendable {
    /// The server, `http://HOST:32400`.
    public let baseURL: URL
    /// At most this many `/library/metadata` calls are in flight during ``libraryMovies()``.
    public let concurrency: Int
    /// Items asked per page of a section listing (`X-Plex-Container-Size`).
    public var pageSize = 500
    /// Sent as `X-Plex-Client-Identifier`.
    public var clientIdentifier = "upshift"
    /// Sent as `X-Plex-Product`.
    public var product = "Upshift"
    let token: Secret
    var caller: HTTPCaller
    let logger: Logger

    /// Creates a client; nothing is sent until a method is called. `concurrency` is at least 1.
    /// `httpClient` should not follow redirects (``HTTPClient/noRedirects``): one would carry `X-Plex-Token`.
    public init(baseURL: URL, token: Secret, httpClient: HTTPClient, logger: Logger, concurrency: Int = 4) {
        self.baseURL = baseURL
        self.token = token
        self.logger = logger
        self.concurrency = max(1, concurrency)
        self.caller = HTTPCaller(
            client: httpClient, service: "Plex", redactor: Redactor(secrets: [token.exposedValue]),
            timeout: .seconds(60), maxBodyBytes: 128 << 20, logger: logger
        )
    }

    /// The deadline of each call (30 s for Radarr, 60 s for Plex by default). AsyncHTTPClient keeps
    /// retrying a refused connection until then, so this is also how long an unreachable server takes to fail.
    public var timeout: Duration {
        get { caller.timeout }
        set { caller.timeout = newValue }
    }

    // MARK: - Endpoints

    /// `GET /library/sections`: every library section (movies, shows, music, photos).
    public func sections() async throws -> [PlexSection] {
        let envelope: PlexEnvelope<PlexSectionsContainer> = try await get("/library/sections")
        return envelope.container.directories
    }

    /// `GET /library/sections/{key}/all?type=1&includeGuids=1`, page by page
    /// (`X-Plex-Container-Start`/`-Size`): every movie of a section, with `Media`/`Part` summaries.
    /// Streams are only guaranteed from ``metadata(ratingKey:)``.
    public func movies(sectionKey: String) async throws -> [PlexMetadata] {
        var movies: [PlexMetadata] = []
        let size = max(1, pageSize)
        var start = 0
        for _ in 0..<100_000 {
            let envelope: PlexEnvelope<PlexMetadataContainer> = try await get(
                "/library/sections/\(FormEncoding.encode(sectionKey))/all",
                query: [
                    ("type", "1"), ("includeGuids", "1"), ("X-Plex-Container-Start", String(start)),
                    ("X-Plex-Container-Size", String(size)),
                ]
            )
            let page = envelope.container
            movies += page.metadata
            start += page.metadata.count
            // An empty page ends the listing, and so does a server that ignored the paging and sent more.
            if page.metadata.isEmpty || page.metadata.count > size { break }
            if let total = page.totalSize {
                if start >= total { break }
            } else if page.metadata.count < size {
                break
            }
        }
        return movies
    }

    /// `GET /library/metadata/{ratingKey}`: one item with its full `Media → Part → Stream` tree and `Guid`s.
    public func metadata(ratingKey: String) async throws -> PlexMetadata {
        let path = "/library/metadata/\(FormEncoding.encode(ratingKey))"
        let envelope: PlexEnvelope<PlexMetadataContainer> = try await get(path)
        guard let item = envelope.container.metadata.first else {
            let operation = "GET \(caller.redactor.url(url(path, query: [])))"
            throw PlexError.malformed(operation: operation, detail: "no Metadata item")
        }
        return item
    }
}

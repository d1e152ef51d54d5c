import Foundation
import Hummingbird
import NIOCore
import UpshiftTestSupport

/// A loopback Plex: `/library/sections`, paged section listings and item details over a fixture
/// library, `X-Plex-Token` checked (401 otherwise), every request recorded, and the number of item
/// requests in flight at once measured.
enum FakePlex {
    /// One movie of a section.
    struct Item: Sendable {
        var ratingKey: String
        var summary: String
        /// The item's `Metadata` object; nil → the item endpoint answers 500.
        var detail: String?

        init(ratingKey: String, summary: String, detail: String?) {
            self.ratingKey = ratingKey
            self.summary = summary
            self.detail = detail
        }

        init(_ movie: PlexFixtures.Movie) {
            self.init(
                ratingKey: movie.ratingKey, summary: movie.json(withStreams: false),
                detail: movie.failsDetail ? nil : movie.json(withStreams: true)
            )
        }
    }

    /// Counts item requests in flight.
    actor InFlight {
        private(set) var current = 0
        private(set) var peak = 0
        private(set) var total = 0

        func enter() {
            current += 1
            total += 1
            peak = max(peak, current)
        }

        func leave() { current -= 1 }
    }

    static func router(
        sections: String = PlexFixtures.sections, library: [String: [Item]] = PlexLibraryFixture.sections,
        recorder: RequestRecorder, inFlight: InFlight = InFlight(), itemDelay: Duration = .zero
    ) -> Router<BasicRequestContext> {
        let router = Router()
        var details: [String: String?] = [:]
        for item in library.values.joined() { details[item.ratingKey] = item.detail }
        let frozenDetails = details
        router.add(middleware: TokenCheck(recorder: recorder))
        router.get("library/sections") { _, _ in json(sections) }
        router.get("library/sections/:key/all") { request, context in
            let items = library[context.parameters.get("key") ?? ""] ?? []
            let query = request.uri.queryParameters
            let start = query["X-Plex-Container-Start"].flatMap { Int($0) } ?? 0
            let size = query["X-Plex-Container-Size"].flatMap { Int($0) } ?? items.count
            let page = items.dropFirst(start).prefix(size).map(\.summary)
            return json(PlexFixtures.container(Array(page), offset: start, totalSize: items.count))
        }
        router.get("library/metadata/:ratingKey") { _, context in
            await inFlight.enter()
            if itemDelay > .zero { try? await Task.sleep(for: itemDelay) }
            await inFlight.leave()
            guard let entry = frozenDetails[context.parameters.get("ratingKey") ?? ""] else {
                return Response(status: .notFound)
            }
            guard let detail = entry else { return json("Internal Server Error", status: .internalServerError) }
            return json(PlexFixtures.container([detail]))
        }
        return router
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Records the request, then answers 401 (Plex's HTML page) unless `X-Plex-Token` is the fixture token.
struct TokenCheck<Context: RequestContext>: RouterMiddleware {
    let recorder: RequestRecorder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let entry = try await recorder.record(request)
        guard entry.headers["x-plex-token"] == PlexFixtures.token else {
            return Response(
                status: .unauthorized, headers: [.contentType: "text/html"],
                body: .init(
                    byteBuffer: ByteBuffer(
                        string:
                            "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>"
                    ))
            )
        }
        return try await next(request, context)
    }
}

import Foundation
import Hummingbird
import NIOCore
import UpshiftTestSupport

/// A loopback Radarr: the documented endpoints over the fixture library, `X-Api-Key` checked as Radarr
/// does (401, empty body), and every request recorded.
enum FakeRadarr {
    static func router(
        library: String = RadarrFixtures.library, lookups: [String: String] = [:], urlBase: String = "",
        recorder: RequestRecorder
    ) -> Router<BasicRequestContext> {
        let router = Router()
        let movies = (try? JSONSerialization.jsonObject(with: Data(library.utf8)) as? [[String: Any]]) ?? []
        let moviesJSON = movies.map(RadarrFixtures.json)
        let ids = movies.map { $0["id"] as? Int }
        let tmdbIds = movies.map { $0["tmdbId"] as? Int }
        router.group("\(urlBase)api/v3")
            .add(middleware: APIKeyCheck(recorder: recorder))
            .get("system/status") { _, _ in json(RadarrFixtures.systemStatus) }
            .get("movie") { request, _ in
                guard let wanted = request.uri.queryParameters["tmdbId"].flatMap({ Int($0) }) else {
                    return json(library)
                }
                let found = moviesJSON.indices.filter { tmdbIds[$0] == wanted }.map { moviesJSON[$0] }
                return json("[" + found.joined(separator: ",") + "]")
            }
            .get("movie/lookup") { request, _ in
                let term = request.uri.queryParameters["term"].map(String.init) ?? ""
                return json(lookups[term] ?? "[]")
            }
            .get("movie/:id") { _, context in
                let id = context.parameters.get("id", as: Int.self)
                guard let index = ids.firstIndex(where: { $0 != nil && $0 == id }) else {
                    return json(#"{"message":"Movie with ID \#(id ?? 0) does not exist"}"#, status: .notFound)
                }
                return json(moviesJSON[index])
            }
            .get("rootfolder") { _, _ in json(RadarrFixtures.rootFolders) }
        return router
    }

    /// A router answering every `GET /api/v3/…` with `status` and `body` (after the key check).
    static func failing(status: HTTPResponse.Status, body: String, recorder: RequestRecorder) -> Router<
        BasicRequestContext
    > {
        let router = Router()
        router.group("api/v3")
            .add(middleware: APIKeyCheck(recorder: recorder))
            .get("**") { _, _ in json(body, status: status) }
        return router
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

/// Records the request, then answers 401 with an empty body unless `X-Api-Key` is the fixture key.
struct APIKeyCheck<Context: RequestContext>: RouterMiddleware {
    let recorder: RequestRecorder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let entry = try await recorder.record(request)
        guard entry.headers["x-api-key"] == RadarrFixtures.apiKey else { return Response(status: .unauthorized) }
        return try await next(request, context)
    }
}

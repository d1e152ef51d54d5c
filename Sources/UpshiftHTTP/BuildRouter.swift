import Hummingbird
import Logging

/// The router of `upshift serve`: the JSON API behind the error and API-key middleware.
/// Tests call this same function (STYLE: one composition path).
public func buildRouter(daemon: DaemonContext, apiKey: String) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.middlewares.add(JSONErrorMiddleware())
    router.middlewares.add(APIKeyMiddleware(key: apiKey))
    APIController(daemon: daemon).addRoutes(to: router)
    return router
}

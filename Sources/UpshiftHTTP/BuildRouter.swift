import Hummingbird
import Logging
import UpshiftSettings

/// The router of `upshift serve`: the JSON API and the web UI behind the security-header, error,
/// allowed-host (DNS rebinding, on every bind), API-key and cross-site middleware. Tests call this
/// same function (STYLE: one composition path).
public func buildRouter(
    daemon: DaemonContext, apiKey: String, sessions: SessionStore = SessionStore()
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(JSONErrorMiddleware())
    router.middlewares.add(AllowedHostMiddleware(allowed: AllowedHosts(settings: daemon.settings)))
    router.middlewares.add(APIKeyMiddleware(key: apiKey, sessions: sessions))
    router.middlewares.add(CrossSiteMiddleware())
    APIController(daemon: daemon).addRoutes(to: router)
    PagesController(daemon: daemon, apiKey: apiKey, sessions: sessions).addRoutes(to: router)
    return router
}

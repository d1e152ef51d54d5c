import Foundation
import Hummingbird
import Logging
import UpshiftSettings

/// The router of `upshift serve`: the JSON API and the web UI behind the security-header, error,
/// allowed-host (DNS rebinding), API-key and cross-site middleware. Tests call this same function
/// (STYLE: one composition path), with their own `now` for session expiry and the rate limit.
public func buildRouter(
    daemon: DaemonContext, apiKey: String, now: @escaping @Sendable () -> Date = Date.init
) -> Router<UpshiftRequestContext> {
    let sessions = SessionStore(days: daemon.settings.webSessionDays, now: now)
    let limiter = FailureLimiter(now: now)
    let router = Router(context: UpshiftRequestContext.self)
    router.middlewares.add(SecurityHeadersMiddleware())
    router.middlewares.add(JSONErrorMiddleware())
    router.middlewares.add(AllowedHostMiddleware(allowed: AllowedHosts(settings: daemon.settings)))
    router.middlewares.add(APIKeyMiddleware(key: apiKey, sessions: sessions, limiter: limiter))
    router.middlewares.add(CrossSiteMiddleware())
    APIController(daemon: daemon).addRoutes(to: router)
    PagesController(daemon: daemon, apiKey: apiKey, sessions: sessions, limiter: limiter).addRoutes(to: router)
    return router
}

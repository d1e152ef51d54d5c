import Foundation
import HTTPTypes
import Hummingbird

/// Protects state-changing calls from cross-site requests (SPEC §8).
///
/// Every non-GET request is refused (403) when the browser says it comes from another site
/// (`Sec-Fetch-Site: cross-site` / `same-site`, or an `Origin` whose host differs from `Host`).
/// A call that is not authenticated by the `X-Api-Key` header — a browser form or script riding
/// on cookies — must also carry the CSRF token of the `upshift_csrf` cookie, in the `csrf` form
/// field (checked by the page handlers: `/ui/…`, `/login`, `/logout`) or the `X-CSRF-Token` header.
struct CrossSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        if let site = request.headers[.secFetchSite]?.lowercased(), site == "cross-site" || site == "same-site" {
            throw APIError(.forbidden, "Cross-site requests may not change anything.")
        }
        if let origin = request.headers[.origin], origin != "null" {
            let host = request.head.authority ?? ""
            guard Self.host(ofOrigin: origin) == host.lowercased() else {
                throw APIError(.forbidden, "Cross-site requests may not change anything.")
            }
        } else if request.headers[.origin] == "null" {
            throw APIError(.forbidden, "Cross-site requests may not change anything.")
        }
        let isForm = request.uri.path.hasPrefix("/ui/") || ["/login", "/logout"].contains(request.uri.path)
        if !isForm, request.headers[.xAPIKey] == nil, request.cookies[Cookies.session] != nil {
            let cookie = request.cookies[Cookies.csrf]?.value
            guard let cookie, RandomToken.isWellFormed(cookie), let header = request.headers[.xCSRFToken],
                APIKeyMiddleware.constantTimeEqual(Array(cookie.utf8), Array(header.utf8))
            else {
                throw APIError(.forbidden, "A browser call must carry the X-CSRF-Token header.")
            }
        }
        return try await next(request, context)
    }

    /// `host:port` of an origin such as `http://127.0.0.1:8787`, lower-cased.
    static func host(ofOrigin origin: String) -> String {
        var text = Substring(origin.lowercased())
        if let range = text.range(of: "://") { text = text[range.upperBound...] }
        return String(text.prefix { $0 != "/" })
    }
}

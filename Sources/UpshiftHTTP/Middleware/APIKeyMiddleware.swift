import Foundation
import HTTPTypes
import Hummingbird

/// Requires `web_api_key` on every call and page when it is set (SPEC §8): the `X-Api-Key`
/// header, or the session cookie the login page sets. The comparison takes the same time whatever
/// the guess, and a refusal never repeats the key. A page asked without it redirects to `/login`;
/// an API call gets a 401 JSON error. A wrong `X-Api-Key` counts against the client's address in
/// the ``FailureLimiter``; a client over the limit gets 429 with `Retry-After`, even for the right key.
struct APIKeyMiddleware: RouterMiddleware {
    /// The key; requests pass freely when it is empty.
    let key: [UInt8]
    let sessions: SessionStore
    let limiter: FailureLimiter

    init(key: String, sessions: SessionStore, limiter: FailureLimiter) {
        self.key = Array(key.utf8)
        self.sessions = sessions
        self.limiter = limiter
    }

    /// Paths open without the key: the login and logout forms and the stylesheet they use.
    static let openPaths: Set<String> = ["/login", "/logout", "/style.css"]

    func handle(
        _ request: Request, context: UpshiftRequestContext,
        next: (Request, UpshiftRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard !key.isEmpty, !Self.openPaths.contains(path) else { return try await next(request, context) }
        if let offered = request.headers[.xAPIKey] {
            if let wait = await limiter.retryAfter(context.clientAddress) { throw APIError.tooManyAttempts(wait) }
            if Self.constantTimeEqual(Array(offered.utf8), key) { return try await next(request, context) }
            await limiter.recordFailure(context.clientAddress)
        }
        if let token = request.cookies[Cookies.session]?.value, await sessions.isOpen(token) {
            return try await next(request, context)
        }
        if path.hasPrefix("/api/") || path == "/metrics" || request.method != .get {
            throw APIError(.unauthorized, "An API key is required: send it in the X-Api-Key header.")
        }
        return Response(status: .seeOther, headers: [.location: "/login"])
    }

    /// Equal bytes, compared without an early exit.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

extension HTTPField.Name {
    /// `X-Api-Key`.
    static let xAPIKey = HTTPField.Name("X-Api-Key")!
    /// `X-CSRF-Token`.
    static let xCSRFToken = HTTPField.Name("X-CSRF-Token")!
    /// `Sec-Fetch-Site`.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

/// Cookie names.
enum Cookies {
    /// The login session.
    static let session = "upshift_session"
    /// The double-submit CSRF token of the web UI's forms.
    static let csrf = "upshift_csrf"
}

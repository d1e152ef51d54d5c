import Foundation
import HTTPTypes
import Hummingbird

/// Logging in and out, and the CSRF token of the forms.
///
/// A login opens a server-side session that lasts `web_session_days` (the cookie's `Max-Age` says
/// the same); a wrong key counts against the client's address in the ``FailureLimiter``, which
/// answers 429 once too many were wrong. Log out closes the session and clears the cookie.
extension PagesController {
    // MARK: - Login and logout

    /// The login form, with `error` above it (and its status) when the last try failed.
    func loginPage(
        error: String?, status: HTTPResponse.Status = .unauthorized, headers: HTTPFields = [:]
    ) -> Response {
        let message = error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        let body = """
            \(message)<form method="post" action="/login"><p><label>API key <input type="password" name="key" autofocus></label>
            <button class="approve">Log in</button></p></form>
            """
        var response = HTML.page("Log in", active: "", body: body, status: error == nil ? .ok : status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// POST /login: the key opens a session, unless `client` tried too many wrong keys.
    func login(_ request: Request, client: String) async throws -> Response {
        let form = try await FormBody(request)
        guard !apiKey.isEmpty else { return Response(status: .seeOther, headers: [.location: "/"]) }
        if let wait = await limiter.retryAfter(client) {
            return loginPage(
                error: "Too many wrong keys from your address: try again in \(wait) seconds.",
                status: .tooManyRequests, headers: [.retryAfter: String(wait)])
        }
        guard let key = form["key"], APIKeyMiddleware.constantTimeEqual(Array(key.utf8), Array(apiKey.utf8)) else {
            await limiter.recordFailure(client)
            return loginPage(error: "That is not the API key.")
        }
        let token = await sessions.open()
        let maxAge = Int(sessions.lifetime)
        return Response(
            status: .seeOther,
            headers: [
                .location: "/",
                .setCookie: "\(Cookies.session)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict",
            ])
    }

    /// POST /logout (with the form's CSRF token): ends the session on the server and clears the cookie.
    func logout(_ request: Request) async throws -> Response {
        _ = try await checkedForm(request)
        if let token = request.cookies[Cookies.session]?.value { await sessions.close(token) }
        return Response(
            status: .seeOther,
            headers: [
                .location: "/login",
                .setCookie: "\(Cookies.session)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
            ])
    }

    // MARK: - CSRF

    /// Runs `page` with the request's CSRF token, setting a fresh cookie when the browser has none or
    /// one that is not a token this daemon mints (32 lowercase hex characters).
    func withCSRF(_ request: Request, _ page: (String) async throws -> Response) async throws -> Response {
        if let token = request.cookies[Cookies.csrf]?.value, RandomToken.isWellFormed(token) {
            return try await page(token)
        }
        let token = RandomToken.make()
        var response = try await page(token)
        response.headers.append(HTTPField(name: .setCookie, value: "\(Cookies.csrf)=\(token); Path=/; SameSite=Strict"))
        return response
    }

    /// The form, once its `csrf` field matches the cookie and the cookie is a well-formed token.
    func checkedForm(_ request: Request) async throws -> FormBody {
        let form = try await FormBody(request)
        guard let cookie = request.cookies[Cookies.csrf]?.value, RandomToken.isWellFormed(cookie),
            let field = form["csrf"],
            APIKeyMiddleware.constantTimeEqual(Array(cookie.utf8), Array(field.utf8))
        else {
            throw APIError(.forbidden, "The form's CSRF token is missing or wrong: reload the page and try again.")
        }
        return form
    }
}

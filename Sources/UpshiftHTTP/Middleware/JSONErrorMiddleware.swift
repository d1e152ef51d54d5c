import Hummingbird
import Logging

/// Turns every error a handler throws into `{"error": "..."}` with a fitting status: Hummingbird's
/// `HTTPError` (unknown route, bad body) keeps its status; anything unexpected is a 500 whose text
/// does not leak internals (the error is logged instead).
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "There is nothing at \(request.uri.path)."
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path)."
            default: message = error.body ?? error.status.reasonPhrase
            }
            throw APIError(error.status, message)
        } catch {
            context.logger.error("Request failed", metadata: ["error": "\(error)", "http.path": "\(request.uri.path)"])
            throw APIError(.internalServerError, "Internal error; see the Upshift log.")
        }
    }
}

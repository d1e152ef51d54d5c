import Hummingbird

/// Requires `web_api_key` on every call when it is set (SPEC §8): the `X-Api-Key` header, or the
/// `upshift_key` cookie the web UI's login sets. The comparison takes the same time whatever the
/// guess, and a refusal never repeats the key.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The key; requests pass freely when it is empty.
    let key: [UInt8]

    init(key: String) {
        self.key = Array(key.utf8)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard !key.isEmpty else { return try await next(request, context) }
        let offered = request.headers[.init("X-Api-Key")!] ?? request.cookies["upshift_key"]?.value
        guard let offered, Self.constantTimeEqual(Array(offered.utf8), key) else {
            throw APIError(.unauthorized, "An API key is required: send it in the X-Api-Key header.")
        }
        return try await next(request, context)
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

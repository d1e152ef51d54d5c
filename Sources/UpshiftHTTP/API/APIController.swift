import Foundation
import Hummingbird
import UpshiftCore
import UpshiftServices

/// The JSON API of SPEC §8. Handlers are thin: they read the store and call the coordinator.
struct APIController: Sendable {
    let daemon: DaemonContext

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/health") { _, _ in try await health() }
        router.get("/api/downloads/pending") { _, _ in
            try await JSONBody(try await daemon.store.requests(in: [.pending, .approved]).map(RequestDTO.init))
        }
        router.get("/api/downloads/history") { request, _ in
            let limit = try limit(request, default: 50)
            return try await JSONBody(try await daemon.store.history(limit: limit).map(HistoryDTO.init))
        }
        router.get("/api/downloads/active") { _, _ in
            try await JSONBody(try await daemon.store.requests(in: [.downloading]).map(RequestDTO.init))
        }
        router.post("/api/downloads/approve") { request, context in
            try await answer(request, context: context, approve: true)
        }
        router.post("/api/downloads/skip") { request, context in
            try await answer(request, context: context, approve: false)
        }
        router.get("/api/releases") { request, _ in
            let limit = try limit(request, default: 100)
            return try await JSONBody(try await daemon.store.recentReleases(limit: limit).map(ReleaseDTO.init))
        }
        router.get("/api/library") { _, _ in
            try await JSONBody(try await daemon.store.libraryMovies().map(MovieDTO.init))
        }
        router.post("/api/feeds/poll") { _, _ in
            guard let poller = daemon.poller else {
                throw APIError(.conflict, "No feed is configured: set ipt_feed_urls and ipt_enabled.")
            }
            let summary = await poller.pollOnce(force: true)
            guard summary.libraryReady else {
                throw APIError(.conflict, "The library is still being scanned or its files probed; poll again once it is loaded.")
            }
            return try JSONBody([
                "feeds_ok": AnyJSON(summary.feedsOK), "feeds_failed": AnyJSON(summary.feedsFailed),
                "new_items": AnyJSON(summary.newItems), "requests": AnyJSON(summary.requests),
            ])
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(string: await daemon.metrics.text())))
        }
    }

    private func health() async throws -> Response {
        let pending = try await daemon.store.requests(in: [.pending]).count
        let active = try await daemon.store.requests(in: [.approved, .downloading]).count
        let scanned = try await daemon.store.lastLibraryScan()
        let problems = await daemon.health.all
        let probe = await daemon.library.probeProgress
        return try JSONBody([
            "status": AnyJSON(problems.isEmpty ? "ok" : "degraded"), "version": AnyJSON(daemon.version),
            "problems": AnyJSON(Dictionary(uniqueKeysWithValues: problems.map { ($0.component, $0.problem) })),
            "library_movies": AnyJSON(await daemon.library.count),
            "library_scanned_at": AnyJSON(scanned.map(ISO.string)), "pending_requests": AnyJSON(pending),
            "active_downloads": AnyJSON(active), "feeds": AnyJSON(daemon.feedCount),
            "library_probe": AnyJSON(probe.map { ["done": $0.done, "total": $0.total] }),
            "telegram": AnyJSON(daemon.telegramEnabled),
        ])
    }

    private func answer(_ request: Request, context: some RequestContext, approve: Bool) async throws -> Response {
        let body: RequestIDBody
        do {
            body = try await request.decode(as: RequestIDBody.self, context: context)
        } catch {
            throw APIError(.badRequest, "The body must be a JSON object with a \"request_id\" string.")
        }
        let id = body.requestID.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw APIError(.badRequest, "\"request_id\" is empty.") }
        do {
            let transition = try await daemon.coordinator.answer(id, approve: approve, by: "api")
            let request = await daemon.coordinator.followUp(transition)
            return try JSONBody(RequestDTO(request))
        } catch let error as ApprovalError {
            throw APIError(error.status, error.description)
        }
    }

    private func limit(_ request: Request, default value: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return value }
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw APIError(.badRequest, "\"limit\" must be a whole number from 1 to 1000, got \"\(text)\".")
        }
        return limit
    }
}

/// A JSON response body encoded with sorted keys.
func JSONBody(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: .init(bytes: data)))
}

/// A small heterogeneous JSON value for summaries.
struct AnyJSON: Encodable {
    let encodeValue: @Sendable (any Encoder) throws -> Void

    init<T: Encodable & Sendable>(_ value: T) {
        encodeValue = { encoder in
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }

    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}

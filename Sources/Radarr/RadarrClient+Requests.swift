import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

extension RadarrClient {
    /// `GET /api/v3/<path>?<query>`, decoded as `Value`; every failure becomes a ``RadarrError``.
    func get<Value: Decodable>(
        _ path: String, query: [(String, String)] = [], timeout: Duration? = nil
    ) async throws -> Value {
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = .GET
        request.headers.add(name: "X-Api-Key", value: apiKey.exposedValue)
        request.headers.add(name: "Accept", value: "application/json")
        let reply: HTTPReply
        do {
            reply = try await caller.send(request, timeout: timeout)
        } catch let error as HTTPCallError {
            throw RadarrError.transport(error)
        }
        guard reply.isSuccess else {
            let error = statusError(reply)
            logger.warning(
                "Radarr request failed",
                metadata: [
                    "radarr.operation": "\(reply.operation)", "http.status": "\(reply.status)", "error": "\(error)",
                ]
            )
            throw error
        }
        do {
            return try JSONDecoder().decode(Value.self, from: reply.body)
        } catch let error as DecodingError {
            let failure = RadarrError.malformed(operation: reply.operation, detail: caller.redactor(error.summary))
            logger.warning(
                "Radarr reply unreadable", metadata: ["radarr.operation": "\(reply.operation)", "error": "\(failure)"])
            throw failure
        }
    }

    /// `<baseURL>/api/v3/<path>` with a strictly percent-encoded query.
    func url(_ path: String, query: [(String, String)]) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let tail = query.isEmpty ? "" : "?" + FormEncoding.encode(query)
        return "\(base)/api/v3/\(path)\(tail)"
    }

    /// The typed error for a non-2xx reply, with Radarr's message (redacted, at most 200 characters).
    func statusError(_ reply: HTTPReply) -> RadarrError {
        let decoder = JSONDecoder()
        switch reply.status {
        case 401:
            return .unauthorized(operation: reply.operation)
        case 400:
            let failures = (try? decoder.decode([RadarrValidationFailure].self, from: reply.body)) ?? []
            let redacted = failures.map { failure in
                RadarrValidationFailure(
                    propertyName: failure.propertyName.map(caller.redactor.callAsFunction),
                    errorMessage: failure.errorMessage.map { caller.redactor(String($0.prefix(200))) },
                    severity: failure.severity
                )
            }
            if redacted.isEmpty { return .status(400, operation: reply.operation, message: message(reply)) }
            return .validation(operation: reply.operation, failures: redacted)
        case 404:
            return .notFound(operation: reply.operation, message: message(reply))
        default:
            return .status(reply.status, operation: reply.operation, message: message(reply))
        }
    }

    /// Radarr's `message` (or the start of a non-JSON body), redacted; nil when empty.
    private func message(_ reply: HTTPReply) -> String? {
        let text: String
        if let body = try? JSONDecoder().decode(RadarrErrorBody.self, from: reply.body), let message = body.message {
            text = message
        } else if reply.header("Content-Type")?.contains("json") == true || reply.text.hasPrefix("<") {
            return nil
        } else {
            text = reply.text
        }
        let trimmed = text.prefix(200).trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : caller.redactor(trimmed)
    }
}

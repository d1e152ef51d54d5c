import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

extension TelegramClient {
    /// POSTs `body` as JSON to `method`, retrying after 429 within ``maxRetryWait``, and decodes the
    /// `result`. Every failure is a ``TelegramError`` with the token masked.
    func call<Body: Encodable, Result: Decodable>(
        _ method: String, _ body: Body, as type: Result.Type, timeout: Duration? = nil
    ) async throws -> Result {
        var request = HTTPClientRequest(url: url(for: method))
        request.method = .POST
        request.setJSON(try JSONEncoder().encode(body))
        var waited = Duration.zero
        while true {
            let reply = try await send(request, method: method, timeout: timeout)
            let envelope = try decode(BotReply<IgnoredResult>.self, reply, method: method)
            if envelope.ok {
                guard let result = try decode(BotReply<Result>.self, reply, method: method).result else {
                    throw TelegramError(
                        method: method, kind: .malformedReply(status: reply.status), detail: "no result")
                }
                return result
            }
            let code = envelope.errorCode ?? reply.status
            let description = caller.redactor(envelope.description ?? "")
            guard code == 429 else {
                // An identical edit is success for the caller: not worth a warning.
                let level: Logger.Level = description.contains("message is not modified") ? .debug : .warning
                logger.log(
                    level: level, "Telegram API error",
                    metadata: [
                        "telegram.method": "\(method)", "telegram.code": "\(code)",
                        "telegram.description": "\(description)",
                    ]
                )
                throw TelegramError(method: method, kind: .api(code: code, description: description))
            }
            let seconds = max(
                envelope.parameters?.retryAfter ?? reply.header("Retry-After").flatMap { Int($0) } ?? 1, 1)
            guard waited + .seconds(seconds) <= maxRetryWait else {
                logger.warning(
                    "Telegram rate limit beyond the retry cap",
                    metadata: ["telegram.method": "\(method)", "telegram.retry_after": "\(seconds)"]
                )
                throw TelegramError(method: method, kind: .rateLimited(retryAfter: seconds), detail: description)
            }
            logger.notice(
                "Telegram rate limited, waiting",
                metadata: ["telegram.method": "\(method)", "telegram.retry_after": "\(seconds)"]
            )
            try await sleep(.seconds(seconds))
            waited += .seconds(seconds)
        }
    }

    /// `{baseURL}/bot{token}/{method}`.
    private func url(for method: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/bot\(token.exposedValue)/\(method)"
    }

    /// One HTTP exchange; a transport failure becomes a ``TelegramError`` (or a cancellation).
    private func send(_ request: HTTPClientRequest, method: String, timeout: Duration?) async throws -> HTTPReply {
        do {
            return try await caller.send(request, timeout: timeout)
        } catch let error as HTTPCallError {
            try Task.checkCancellation()
            throw TelegramError(error, method: method)
        }
    }

    /// Decodes the reply body; anything but the Bot API's JSON is `malformedReply`.
    private func decode<Value: Decodable>(_ type: Value.Type, _ reply: HTTPReply, method: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: reply.body)
        } catch {
            let snippet = reply.text.prefix(120).trimmingCharacters(in: .whitespacesAndNewlines)
            logger.warning(
                "Telegram reply unreadable",
                metadata: ["telegram.method": "\(method)", "http.status": "\(reply.status)"]
            )
            throw TelegramError(
                method: method, kind: .malformedReply(status: reply.status), detail: caller.redactor(snippet))
        }
    }
}

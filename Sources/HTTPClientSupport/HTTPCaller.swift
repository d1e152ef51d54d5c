import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Sends one request with a deadline and a body cap, logs it redacted, and turns every failure
/// into an ``HTTPCallError`` (SPEC §9: no secret in logs or errors; STYLE: a hung or trickling server
/// cannot stall a poller). Non-2xx replies are returned, not thrown: the client decides (qBittorrent
/// logs in again on 403, Telegram reads `retry_after` from a 429); ``requireSuccess(_:)`` throws.
/// A redirect that reaches the caller (not followed by the HTTP client) is thrown as its status.
public struct HTTPCaller: Sendable {
    /// The shared AsyncHTTPClient.
    public let client: HTTPClient
    /// The service name used in logs and errors.
    public let service: String
    /// Masks this service's secrets.
    public let redactor: Redactor
    /// Default time for a whole call.
    public var timeout: Duration
    /// Default largest body read.
    public var maxBodyBytes: Int
    /// Where calls are logged (debug per call, metadata `http.*`).
    public var logger: Logger

    /// Creates a caller.
    public init(
        client: HTTPClient, service: String, redactor: Redactor, timeout: Duration = .seconds(30),
        maxBodyBytes: Int = 16 << 20, logger: Logger
    ) {
        self.client = client
        self.service = service
        self.redactor = redactor
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.logger = logger
    }

    /// Sends `request` and reads the whole reply. The deadline covers the whole call, from connecting
    /// to the last byte of the body: a server that sends its headers and then trickles the body is cut
    /// off like one that never answers (``HTTPCallError/Kind/timeout``).
    public func send(
        _ request: HTTPClientRequest, timeout: Duration? = nil, maxBodyBytes: Int? = nil
    ) async throws -> HTTPReply {
        let operation = "\(request.method.rawValue) \(redactor.url(request.url))"
        let limit = maxBodyBytes ?? self.maxBodyBytes
        let deadline = timeout ?? self.timeout
        let started = ContinuousClock.now
        do {
            // AsyncHTTPClient's own deadline covers connecting and the response head (and reports a refused
            // connection as such); the rest of the same deadline bounds the body.
            let end = started + deadline
            let response = try await client.execute(request, timeout: .nanoseconds(deadline.nanoseconds))
            let body = try await Self.until(end) { try await response.body.collect(upTo: limit) }
            let reply = HTTPReply(
                operation: operation, status: Int(response.status.code), headers: response.headers,
                body: Data(body.readableBytesView)
            )
            if (300..<400).contains(reply.status), let location = reply.header("Location") {
                throw redirectNotFollowed(reply, location: location, request: request.url)
            }
            logger.debug(
                "HTTP call",
                metadata: [
                    "http.service": "\(service)", "http.operation": "\(operation)", "http.status": "\(reply.status)",
                    "http.ms": "\((ContinuousClock.now - started).milliseconds)",
                ]
            )
            return reply
        } catch let error as HTTPCallError {
            throw error
        } catch {
            let failure = classify(error, operation: operation, limit: limit, deadline: deadline)
            // A call cut short by shutdown is not worth a warning.
            logger.log(
                level: Task.isCancelled ? .debug : .warning,
                "HTTP call failed",
                metadata: ["http.service": "\(service)", "http.operation": "\(operation)", "error": "\(failure.detail)"]
            )
            throw failure
        }
    }

    /// Runs `work` against a timer ending at `end`: whichever finishes first wins and the other is
    /// cancelled (AsyncHTTPClient stops a request whose body is no longer read and closes its
    /// connection). Throws ``DeadlinePassed`` when the timer wins.
    private static func until<Value: Sendable>(
        _ end: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(until: end, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
            return value
        }
    }

    /// The whole-call deadline passed before the reply was complete.
    private struct DeadlinePassed: Error {}

    /// `reply` when its status is 2xx; otherwise an ``HTTPCallError`` with the start of the body.
    @discardableResult
    public func requireSuccess(_ reply: HTTPReply) throws -> HTTPReply {
        guard reply.isSuccess else { throw statusError(reply) }
        return reply
    }

    /// The error for an unexpected status: the first 200 characters of the body, redacted.
    public func statusError(_ reply: HTTPReply) -> HTTPCallError {
        let snippet = reply.text.prefix(200).trimmingCharacters(in: .whitespacesAndNewlines)
        return HTTPCallError(service: service, operation: reply.operation, kind: .status(reply.status), detail: redactor(snippet))
    }

    /// An error for a reply that is not in the expected format.
    public func malformed(_ reply: HTTPReply, _ what: String) -> HTTPCallError {
        HTTPCallError(service: service, operation: reply.operation, kind: .malformed, detail: redactor(what))
    }

    /// The error for a redirect that reached the caller: the HTTP client was told not to follow it
    /// (``HTTPClient/noRedirects``, so no secret header crosses to another origin), or could not.
    /// Names the status and the target's origin only (its path or query may hold a secret).
    private func redirectNotFollowed(_ reply: HTTPReply, location: String, request: String) -> HTTPCallError {
        let target = URL(string: location, relativeTo: URL(string: request))?.absoluteURL
        let origin = target.flatMap { url in
            url.scheme.map { scheme in "\(scheme)://\(url.host ?? "")" + (url.port.map { ":\($0)" } ?? "") }
        }
        let error = HTTPCallError(
            service: service, operation: reply.operation, kind: .status(reply.status),
            detail: "redirect to \(origin.map(redactor.url) ?? "an unreadable location") not followed"
        )
        logger.warning(
            "HTTP redirect not followed",
            metadata: ["http.service": "\(service)", "http.operation": "\(reply.operation)", "error": "\(error.detail)"]
        )
        return error
    }

    private func classify(_ error: any Error, operation: String, limit: Int, deadline: Duration) -> HTTPCallError {
        let kind: HTTPCallError.Kind
        var detail = redactor(String(describing: error))
        switch error {
        case is DeadlinePassed:
            kind = .timeout
            detail = "no complete reply within \(deadline)"
        case is NIOTooManyBytesError:
            kind = .bodyTooLarge(limit: limit)
        case let error as HTTPClientError
        where error == .deadlineExceeded || error == .connectTimeout || error == .readTimeout
            || error == .writeTimeout:
            kind = .timeout
        case is CancellationError:
            kind = .timeout
        default:
            kind = .unreachable
        }
        return HTTPCallError(service: service, operation: operation, kind: kind, detail: detail)
    }
}

extension Duration {
    /// Whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? .max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Whole milliseconds.
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}

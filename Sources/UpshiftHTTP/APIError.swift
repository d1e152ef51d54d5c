import Foundation
import Hummingbird
import NIOCore
import UpshiftCore
import UpshiftServices

/// An API error: a status and one sentence, written as `{"error": "..."}` (SPEC §8).
///
/// Hummingbird's own `HTTPError` writes `{"error":{"message":…}}`; every error of the API goes
/// through this type instead (``JSONErrorMiddleware`` converts the others).
public struct APIError: HTTPResponseError, CustomStringConvertible {
    /// The status.
    public var status: HTTPResponse.Status
    /// The sentence.
    public var message: String
    /// Extra header fields, such as `Retry-After` on a 429.
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// 429 for a client that got `web_api_key` wrong too often, with `Retry-After`.
    static func tooManyAttempts(_ seconds: Int) -> APIError {
        APIError(
            .tooManyRequests, "Too many wrong keys from this address: try again in \(seconds) seconds.",
            headers: [.retryAfter: String(seconds)])
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = (try? JSONEncoder().encode(["error": message])) ?? Data("{\"error\":\"error\"}".utf8)
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension ApprovalError {
    /// The status of an answer the workflow refused: 404 unknown request, 410 expired, 409 already
    /// answered (or a live request exists for the torrent).
    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .refused(.expired): .gone
        case .refused, .alreadyRequested: .conflict
        }
    }
}

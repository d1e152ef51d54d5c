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

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = (try? JSONEncoder().encode(["error": message])) ?? Data("{\"error\":\"error\"}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
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

import Foundation
import NIOHTTP1

/// The whole reply to one HTTP call (its body read up to the caller's cap).
public struct HTTPReply: Sendable {
    /// What was asked, redacted: `GET http://127.0.0.1:8080/api/v2/app/version`.
    public let operation: String
    /// The HTTP status code.
    public let status: Int
    /// The reply headers.
    public let headers: HTTPHeaders
    /// The body bytes.
    public let body: Data

    /// Creates a reply.
    public init(operation: String, status: Int, headers: HTTPHeaders, body: Data) {
        self.operation = operation
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// True for a 2xx status.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? { headers.first(name: name) }
}

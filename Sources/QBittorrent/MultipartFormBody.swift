import Foundation

/// A `multipart/form-data` body (RFC 7578), written by hand: text fields and file parts.
struct MultipartFormBody: Sendable {
    /// The boundary: random, so it cannot occur in a field or in the torrent bytes by accident.
    let boundary: String
    private(set) var data = Data()

    /// An empty body with a fresh random boundary.
    init(boundary: String = "upshift-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    /// The `Content-Type` header value.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field.
    mutating func addField(_ name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n")
        append(value)
        append("\r\n")
    }

    /// Adds a file part.
    mutating func addFile(_ name: String, filename: String, contentType: String, content: Data) {
        append("--\(boundary)\r\n")
        append(
            "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n")
        append("Content-Type: \(contentType)\r\n\r\n")
        data.append(content)
        append("\r\n")
    }

    /// The finished body (with the closing boundary).
    func finished() -> Data {
        var result = data
        result.append(contentsOf: Array("--\(boundary)--\r\n".utf8))
        return result
    }

    private mutating func append(_ text: String) { data.append(contentsOf: Array(text.utf8)) }

    /// A header parameter value: quotes and line breaks would end it early, so they become `_`/`%22`.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "_")
            .replacingOccurrences(of: "\n", with: "_")
    }
}

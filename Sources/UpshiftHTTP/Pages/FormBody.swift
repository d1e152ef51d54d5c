import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, read by hand (a handful of fields, no nesting).
struct FormBody {
    let fields: [String: String]

    /// Reads the request body (at most 256 KiB).
    init(_ request: Request) async throws {
        var request = request
        let buffer = try await request.collectBody(upTo: 256 << 10)
        let text = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

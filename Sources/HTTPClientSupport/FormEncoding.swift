import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `application/x-www-form-urlencoded` bodies and query strings, encoded strictly: everything but
/// `A–Z a–z 0–9 - . _ ~` is percent-encoded (so `+`, `&`, `=` and `;` in a value survive).
public enum FormEncoding {
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// One value, percent-encoded.
    public static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `a=1&b=2`, in the given order.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}

extension HTTPClientRequest {
    /// Sets a form body and its content type.
    public mutating func setForm(_ fields: [(String, String)]) {
        headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
        body = .bytes(ByteBuffer(string: FormEncoding.encode(fields)))
    }

    /// Sets a JSON body and its content type.
    public mutating func setJSON(_ data: Data) {
        headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        body = .bytes(ByteBuffer(bytes: data))
    }
}

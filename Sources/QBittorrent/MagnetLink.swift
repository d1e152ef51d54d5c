import Foundation

/// A `magnet:` URI with a v1 BitTorrent info-hash (`xt=urn:btih:`, 40 hex or 32 base32 characters).
public struct MagnetLink: Sendable, Hashable, CustomStringConvertible {
    /// The URI as given (sent to qBittorrent unchanged).
    public let uri: String
    /// Lowercase hex v1 info-hash (40 characters).
    public let infoHash: String

    /// Parses a magnet URI.
    ///
    /// - Throws: ``QBittorrentError/invalidMagnet(_:)`` when it is not a magnet URI or has no v1 info-hash.
    public init(_ uri: String) throws {
        let trimmed = uri.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.lowercased().hasPrefix("magnet:?"), let components = URLComponents(string: trimmed) else {
            throw QBittorrentError.invalidMagnet("it is not a magnet: URI")
        }
        let topics = (components.queryItems ?? []).filter { $0.name.lowercased() == "xt" }.compactMap(\.value)
        for topic in topics where topic.lowercased().hasPrefix("urn:btih:") {
            if let hash = Self.hexHash(String(topic.dropFirst("urn:btih:".count))) {
                self.uri = trimmed
                self.infoHash = hash
                return
            }
        }
        throw QBittorrentError.invalidMagnet("it has no urn:btih: info-hash of 40 hex or 32 base32 characters")
    }

    /// The info-hash only, so a magnet's trackers (which may carry a passkey) never print.
    public var description: String { "magnet:?xt=urn:btih:\(infoHash)" }

    /// 40 hex characters as is (lower-cased), or 32 base32 characters decoded to hex.
    static func hexHash(_ text: String) -> String? {
        let hexDigits = Set("0123456789abcdef")
        let lower = text.lowercased()
        if lower.count == 40, lower.allSatisfy(hexDigits.contains) { return lower }
        guard text.count == 32 else { return nil }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var bits: UInt64 = 0
        var bitCount = 0
        var bytes: [UInt8] = []
        for character in lower {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            bits = (bits << 5) | UInt64(value)
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8((bits >> UInt64(bitCount)) & 0xFF))
            }
        }
        let hex = Array("0123456789abcdef")
        return String(bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] })
    }
}

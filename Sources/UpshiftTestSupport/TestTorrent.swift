import Crypto
import Foundation

/// A real, valid `.torrent` built in memory for tests: its bytes, its v1 info-hash (SHA-1 of the
/// bencoded `info` dictionary) and its payload, so a test can put the payload in a save folder and
/// let qBittorrent's check find the torrent complete.
public struct TestTorrent: Sendable {
    /// One payload file: path components under the torrent's folder, and content.
    public struct File: Sendable {
        /// Path components (multi-file torrents), e.g. `["Sub", "a.bin"]`.
        public let path: [String]
        /// The bytes.
        public let content: Data

        /// Creates a file.
        public init(path: [String], content: Data) {
            self.path = path
            self.content = content
        }
    }

    /// The `.torrent` bytes.
    public let data: Data
    /// Lowercase hex v1 info-hash.
    public let infoHash: String
    /// Lowercase hex v2 info-hash (64 characters: SHA-256 of `info`), for a hybrid torrent; nil for v1 only.
    public internal(set) var infoHashV2: String? = nil
    /// The torrent's name (file name, or root folder of a multi-file torrent).
    public let name: String
    /// The payload: one file named `name`, or the files under the `name` folder.
    public let files: [File]
    /// True when the payload lives under a `name` folder.
    public let isMultiFile: Bool

    /// A single-file torrent for `payload` named `name`; no tracker unless `announce` is given
    /// (point it at 127.0.0.1 only). `extraInfo` adds or replaces `info` keys; `omitPieces` leaves
    /// `pieces` out, which qBittorrent refuses as "not a valid torrent file".
    public static func make(
        payload: Data, name: String, pieceLength: Int = 16384, announce: String? = nil,
        extraInfo: [String: TestBencode] = [:], omitPieces: Bool = false
    ) -> TestTorrent {
        var info: [String: TestBencode] = [
            "name": .string(name), "length": .integer(Int64(payload.count)),
            "piece length": .integer(Int64(pieceLength)),
            "pieces": .bytes(pieces(payload, pieceLength: pieceLength)),
        ]
        if omitPieces { info["pieces"] = nil }
        info.merge(extraInfo) { _, new in new }
        return build(
            info: info, announce: announce, name: name, files: [File(path: [name], content: payload)], multi: false)
    }

    /// A multi-file torrent: `files` under a folder named `name`.
    public static func makeMultiFile(name: String, files: [File], pieceLength: Int = 16384) -> TestTorrent {
        let list = files.map { file -> TestBencode in
            .dictionary(["length": .integer(Int64(file.content.count)), "path": .list(file.path.map { .string($0) })])
        }
        let joined = files.reduce(into: Data()) { $0.append($1.content) }
        let info: [String: TestBencode] = [
            "name": .string(name), "files": .list(list), "piece length": .integer(Int64(pieceLength)),
            "pieces": .bytes(pieces(joined, pieceLength: pieceLength)),
        ]
        return build(info: info, announce: nil, name: name, files: files, multi: true)
    }

    /// `count` random bytes (each test gets its own torrent, so parallel tests never share a hash).
    public static func randomPayload(count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A magnet URI for this torrent (hash and display name; no tracker).
    public var magnetURI: String {
        "magnet:?xt=urn:btih:\(infoHash)&dn=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
    }

    /// Writes the payload under `directory` (as `name`, or `name/…` for a multi-file torrent).
    public func writePayload(into directory: URL) throws {
        for file in files {
            var url = isMultiFile ? directory.appendingPathComponent(name) : directory
            for component in file.path { url.appendPathComponent(component) }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true
            )
            try file.content.write(to: url)
        }
    }

    // MARK: - Building

    static func build(
        info: [String: TestBencode], announce: String?, name: String, files: [File], multi: Bool
    ) -> TestTorrent {
        let infoBytes = TestBencode.dictionary(info).encoded
        var root: [String: TestBencode] = ["info": .raw(infoBytes)]
        if let announce { root["announce"] = .string(announce) }
        let hash = Insecure.SHA1.hash(data: infoBytes).map { String(format: "%02x", $0) }.joined()
        return TestTorrent(
            data: TestBencode.dictionary(root).encoded, infoHash: hash, name: name, files: files, isMultiFile: multi
        )
    }

    static func pieces(_ payload: Data, pieceLength: Int) -> Data {
        var out = Data()
        var start = payload.startIndex
        while start < payload.endIndex {
            let end = min(start + pieceLength, payload.endIndex)
            out.append(contentsOf: Insecure.SHA1.hash(data: payload[start..<end]))
            start = end
        }
        return out
    }
}

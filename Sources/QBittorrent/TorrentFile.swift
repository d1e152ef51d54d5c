import Crypto
import Foundation

/// A parsed `.torrent` file: what Upshift needs to add it and to follow it by hash.
///
/// ``parse(_:)`` never crashes or hangs on hostile input (bounded nesting, lengths checked against
/// the data) and says why bytes are not a torrent: an HTML login page, a truncated download,
/// trailing garbage, a dictionary without `info`. The info-hash is the SHA-1 of the exact `info`
/// bytes as they appear in the file, never of a re-encoding, so it matches qBittorrent's `infohash_v1`.
/// A hybrid v1 + v2 torrent (BEP 52: `meta version` 2 beside the v1 keys) also has a v2 info-hash,
/// the SHA-256 of the same bytes, whose first 40 hex characters are what qBittorrent on libtorrent 2
/// lists it under as `hash`.
public struct TorrentFile: Sendable, Hashable {
    /// The largest file accepted (qBittorrent's own default limit, 100 MiB).
    public static let maxSize = 100 << 20
    /// The largest length accepted for one file in a torrent (1 PiB): anything above is corrupt.
    public static let maxFileLength: Int64 = 1 << 50

    /// One file of the torrent.
    public struct Entry: Sendable, Hashable {
        /// Path components. Single-file torrent: `[name]`. Multi-file: relative to the `name` folder.
        public let components: [String]
        /// Size in bytes.
        public let length: Int64

        /// Creates an entry.
        public init(components: [String], length: Int64) {
            self.components = components
            self.length = length
        }

        /// The components joined with `/`.
        public var path: String { components.joined(separator: "/") }
    }

    /// The original bytes, uploaded to qBittorrent unchanged.
    public let data: Data
    /// Lowercase hex v1 info-hash (40 characters): SHA-1 of the original `info` bytes.
    public let infoHash: String
    /// Lowercase hex v2 info-hash (64 characters): SHA-256 of the original `info` bytes, for a hybrid
    /// torrent (`meta version` 2); nil for a v1 torrent.
    public let infoHashV2: String?
    /// The torrent's name (`name.utf-8` when present, else `name`): the file or root folder name.
    public let name: String
    /// Total payload size in bytes (single-file `length`, or the sum of every file's length).
    public let totalSize: Int64
    /// Every file, in torrent order.
    public let files: [Entry]
    /// True when the torrent is marked private (`private=1`: no DHT, PeX or LSD).
    public let isPrivate: Bool

    /// Every 40-character name qBittorrent may list this torrent under: the v1 hash, and for a hybrid
    /// the truncated v2 hash (qBittorrent on libtorrent 2 names a hybrid so; on libtorrent 1.2, by v1).
    public var listedHashes: [String] { [infoHash] + (infoHashV2.map { [String($0.prefix(40))] } ?? []) }

    /// Parses `.torrent` bytes.
    ///
    /// - Throws: ``QBittorrentError/invalidTorrent(_:)`` naming the problem.
    public static func parse(_ data: Data) throws -> TorrentFile {
        guard !data.isEmpty else { throw QBittorrentError.invalidTorrent(.empty) }
        guard data.count <= maxSize else {
            throw QBittorrentError.invalidTorrent(.tooLarge(bytes: data.count, limit: maxSize))
        }
        let bytes = [UInt8](data)
        if let first = bytes.first(where: { !Self.isLeadingNoise($0) }), first == UInt8(ascii: "<") {
            throw QBittorrentError.invalidTorrent(.looksLikeHTML)
        }
        guard bytes[0] == UInt8(ascii: "d") else { throw QBittorrentError.invalidTorrent(.notADictionary) }
        guard let root = try BencodeReader.readDocument(bytes).dictionary else {
            throw QBittorrentError.invalidTorrent(.notADictionary)
        }
        guard let infoEntry = root.entry("info") else { throw QBittorrentError.invalidTorrent(.missingInfo) }
        guard let info = infoEntry.value.dictionary else {
            throw QBittorrentError.invalidTorrent(.invalidInfo("is not a dictionary"))
        }
        let digest = Insecure.SHA1.hash(data: bytes[infoEntry.range])
        let v2Digest = info["meta version"]?.integer == 2 ? SHA256.hash(data: bytes[infoEntry.range]) : nil
        let name = try readName(info)
        let files = try readFiles(info, name: name)
        var total: Int64 = 0
        for file in files {
            let (sum, overflow) = total.addingReportingOverflow(file.length)
            guard !overflow, sum <= maxFileLength else {
                throw QBittorrentError.invalidTorrent(.invalidInfo("gives a total size over 1 PiB"))
            }
            total = sum
        }
        return TorrentFile(
            data: data, infoHash: digest.map { Self.hexByte($0) }.joined(),
            infoHashV2: v2Digest.map { $0.map { Self.hexByte($0) }.joined() }, name: name, totalSize: total,
            files: files, isPrivate: info["private"]?.integer == 1
        )
    }

    // MARK: - Info dictionary

    private static func readName(_ info: BencodeDictionary) throws -> String {
        guard let name = (info["name.utf-8"] ?? info["name"])?.string, !name.isEmpty else {
            throw QBittorrentError.invalidTorrent(.invalidInfo("has no name"))
        }
        return name
    }

    private static func readFiles(_ info: BencodeDictionary, name: String) throws -> [Entry] {
        if let length = info["length"] {
            return [Entry(components: [name], length: try fileLength(length))]
        }
        guard let list = info["files"] else {
            if info["file tree"] != nil { throw QBittorrentError.invalidTorrent(.v2Only) }
            throw QBittorrentError.invalidTorrent(.invalidInfo("has neither length nor files"))
        }
        guard let items = list.list, !items.isEmpty else {
            throw QBittorrentError.invalidTorrent(.invalidInfo("has a files entry that is not a non-empty list"))
        }
        return try items.map { item in
            guard let file = item.dictionary, let length = file["length"] else {
                throw QBittorrentError.invalidTorrent(.invalidInfo("has a file without a length"))
            }
            guard let parts = (file["path.utf-8"] ?? file["path"])?.list, !parts.isEmpty else {
                throw QBittorrentError.invalidTorrent(.invalidInfo("has a file without a path"))
            }
            let components = try parts.map { part in
                guard let text = part.string else {
                    throw QBittorrentError.invalidTorrent(.invalidInfo("has a path part that is not a string"))
                }
                return text
            }
            return Entry(components: components, length: try fileLength(length))
        }
    }

    private static func fileLength(_ value: BencodeValue) throws -> Int64 {
        guard let length = value.integer else {
            throw QBittorrentError.invalidTorrent(.invalidInfo("has a length that is not an integer"))
        }
        guard length >= 0, length <= maxFileLength else {
            throw QBittorrentError.invalidTorrent(.invalidInfo("has a file length out of range (\(length))"))
        }
        return length
    }

    // MARK: - Bytes

    /// Whitespace and a UTF-8 byte-order mark, skipped when sniffing for HTML.
    private static func isLeadingNoise(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

import Crypto
import Foundation

extension TestTorrent {
    /// BEP 52's block: the leaves of a file's merkle tree are SHA-256 hashes of 16 KiB blocks.
    static let blockSize = 16384

    /// The truncated v2 info-hash (first 40 hex characters): the name qBittorrent on libtorrent 2
    /// lists a hybrid torrent under (`hash`), while `infohash_v1` keeps ``infoHash``.
    public var truncatedInfoHashV2: String? { infoHashV2.map { String($0.prefix(40)) } }

    /// A single-file hybrid v1 + v2 torrent (BEP 52): the v1 keys (`name`, `length`, `pieces`) plus
    /// `meta version` 2, a `file tree` whose entry has the file's `pieces root` (the merkle root of its
    /// 16 KiB blocks), and top-level `piece layers` when the file spans more than one piece.
    /// `pieceLength` must be a power of two of at least 16 KiB.
    public static func makeHybrid(payload: Data, name: String, pieceLength: Int = 32768) -> TestTorrent {
        precondition(pieceLength >= blockSize && pieceLength & (pieceLength - 1) == 0, "bad piece length")
        var entry: [String: TestBencode] = ["length": .integer(Int64(payload.count))]
        var layers = Data()
        var root = Data()
        if !payload.isEmpty {
            let leaves = chunks(payload, size: blockSize).map { Data(SHA256.hash(data: $0)) }
            root = merkleRoot(leaves, width: nextPowerOfTwo(leaves.count))
            entry["pieces root"] = .bytes(root)
            if payload.count > pieceLength {
                let perPiece = pieceLength / blockSize
                for start in stride(from: 0, to: leaves.count, by: perPiece) {
                    layers.append(merkleRoot(Array(leaves[start..<min(start + perPiece, leaves.count)]), width: perPiece))
                }
            }
        }
        let info: [String: TestBencode] = [
            "name": .string(name), "length": .integer(Int64(payload.count)),
            "piece length": .integer(Int64(pieceLength)), "pieces": .bytes(pieces(payload, pieceLength: pieceLength)),
            "meta version": .integer(2), "file tree": .dictionary([name: .dictionary(["": .dictionary(entry)])]),
        ]
        let infoBytes = TestBencode.dictionary(info).encoded
        var top: [String: TestBencode] = ["info": .raw(infoBytes)]
        if !layers.isEmpty {
            // Keyed by the 32 raw bytes of the pieces root, which TestBencode's String keys cannot hold.
            var dictionary = Data("d".utf8)
            dictionary.append(TestBencode.bytes(root).encoded)
            dictionary.append(TestBencode.bytes(layers).encoded)
            dictionary.append(contentsOf: Array("e".utf8))
            top["piece layers"] = .raw(dictionary)
        }
        let v1 = Insecure.SHA1.hash(data: infoBytes).map { String(format: "%02x", $0) }.joined()
        var torrent = TestTorrent(
            data: TestBencode.dictionary(top).encoded, infoHash: v1, name: name,
            files: [File(path: [name], content: payload)], isMultiFile: false)
        torrent.infoHashV2 = SHA256.hash(data: infoBytes).map { String(format: "%02x", $0) }.joined()
        return torrent
    }

    /// The root of a merkle tree over `leaves` padded with zero hashes to `width` (a power of two).
    static func merkleRoot(_ leaves: [Data], width: Int) -> Data {
        var level = leaves + Array(repeating: Data(count: 32), count: max(width - leaves.count, 0))
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { Data(SHA256.hash(data: level[$0] + level[$0 + 1])) }
        }
        return level[0]
    }

    private static func nextPowerOfTwo(_ count: Int) -> Int {
        var width = 1
        while width < count { width <<= 1 }
        return width
    }

    private static func chunks(_ data: Data, size: Int) -> [Data] {
        stride(from: data.startIndex, to: data.endIndex, by: size).map { data[$0..<min($0 + size, data.endIndex)] }
    }
}

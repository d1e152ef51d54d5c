/// Why some bytes are not a usable `.torrent` file (carried by ``QBittorrentError/invalidTorrent(_:)``).
///
/// Offsets are byte offsets into the data, so a bad download can be inspected by hand.
public enum TorrentFileProblem: Sendable, Hashable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// More bytes than any `.torrent` file Upshift accepts (``TorrentFile/maxSize``).
    case tooLarge(bytes: Int, limit: Int)
    /// The data starts like HTML: typically a tracker's login or error page instead of the file.
    case looksLikeHTML
    /// The data is not a bencoded dictionary (it starts with something else).
    case notADictionary
    /// The data ends in the middle of a value.
    case truncated(offset: Int)
    /// More bytes follow the end of the top-level dictionary.
    case trailingData(offset: Int)
    /// The bencoding breaks a rule (the reason says which) at `offset`.
    case malformed(offset: Int, reason: String)
    /// Lists and dictionaries nest deeper than `limit`.
    case nestingTooDeep(limit: Int)
    /// A length or integer has too many digits, or a string claims more bytes than any torrent has.
    case lengthOutOfRange(offset: Int)
    /// The top-level dictionary has no `info` dictionary.
    case missingInfo
    /// The `info` dictionary is unusable; the text names the key.
    case invalidInfo(String)
    /// A BitTorrent v2-only torrent: it has no v1 info-hash, which Upshift tracks torrents by.
    case v2Only

    public var description: String {
        switch self {
        case .empty: "the data is empty"
        case .tooLarge(let bytes, let limit):
            "the data is \(bytes) bytes, more than the \(limit) a .torrent file may have"
        case .looksLikeHTML: "the data is an HTML page (a login or error page?), not a .torrent file"
        case .notADictionary: "the data is not a bencoded dictionary"
        case .truncated(let offset): "the data ends in the middle of a value at byte \(offset) (truncated download?)"
        case .trailingData(let offset): "unexpected bytes follow the torrent at byte \(offset)"
        case .malformed(let offset, let reason): "the bencoding is invalid at byte \(offset): \(reason)"
        case .nestingTooDeep(let limit): "lists and dictionaries nest deeper than \(limit) levels"
        case .lengthOutOfRange(let offset): "the length or integer at byte \(offset) is out of range"
        case .missingInfo: "the torrent has no info dictionary"
        case .invalidInfo(let what): "the info dictionary \(what)"
        case .v2Only: "the torrent is BitTorrent v2-only and has no v1 info-hash"
        }
    }
}

import Foundation

/// One torrent as `torrents/info` reports it (the fields Upshift follows).
///
/// Decoded leniently: only `hash` is required, so a field a version does not send takes a neutral
/// default instead of failing the whole list.
public struct TorrentInfo: Sendable, Hashable, Decodable {
    /// The name qBittorrent lists the torrent under (lowercase hex, 40 characters): the v1 info-hash,
    /// or for a hybrid on libtorrent 2 the truncated v2 info-hash.
    public var hash: String
    /// Lowercase hex v1 info-hash (`infohash_v1`; empty when the server does not send it, before 4.4).
    public var infoHashV1: String
    /// Lowercase hex v2 info-hash, 64 characters (`infohash_v2`; empty for a v1 torrent).
    public var infoHashV2: String
    /// Display name.
    public var name: String
    /// Current state.
    public var state: TorrentState
    /// Completion of the wanted pieces, 0…1.
    public var progress: Double
    /// Where the payload is saved (qBittorrent's view of the path).
    public var savePath: String
    /// Category, empty when none.
    public var category: String
    /// Tags (qBittorrent sends them joined by `, `).
    public var tags: [String]
    /// True when pieces are downloaded in order.
    public var sequentialDownload: Bool
    /// Bytes of the wanted files (0 while a magnet has no metadata).
    public var size: Int64
    /// Bytes of every file (-1 while a magnet has no metadata).
    public var totalSize: Int64
    /// Bytes still to download.
    public var amountLeft: Int64
    /// The file (single-file) or root folder (multi-file); absolute once the resume data is checked.
    public var contentPath: String

    /// Creates a record (tests and fakes).
    public init(
        hash: String, infoHashV1: String = "", infoHashV2: String = "", name: String = "", state: TorrentState = .unknown, progress: Double = 0, savePath: String = "",
        category: String = "", tags: [String] = [], sequentialDownload: Bool = false, size: Int64 = 0,
        totalSize: Int64 = 0, amountLeft: Int64 = 0, contentPath: String = ""
    ) {
        self.hash = hash
        self.infoHashV1 = infoHashV1
        self.infoHashV2 = infoHashV2
        self.name = name
        self.state = state
        self.progress = progress
        self.savePath = savePath
        self.category = category
        self.tags = tags
        self.sequentialDownload = sequentialDownload
        self.size = size
        self.totalSize = totalSize
        self.amountLeft = amountLeft
        self.contentPath = contentPath
    }

    /// True when `wanted` (lowercase hex) names this torrent: its `hash`, its v1 hash, or its v2 hash
    /// whole (64 characters) or truncated (40).
    public func isNamed(_ wanted: String) -> Bool {
        guard !wanted.isEmpty else { return false }
        return hash == wanted || infoHashV1 == wanted
            || (!infoHashV2.isEmpty && (infoHashV2 == wanted || infoHashV2.prefix(40) == wanted))
    }

    /// Finished: a seeding-side state (uploading, stalledUP, pausedUP/stoppedUP, queuedUP, forcedUP).
    public var isComplete: Bool { state.isComplete }

    /// In `error` or `missingFiles`.
    public var isError: Bool { state.isError }

    // MARK: - Wire format

    private enum CodingKeys: String, CodingKey {
        case hash, name, state, progress, category, tags, size
        case infoHashV1 = "infohash_v1"
        case infoHashV2 = "infohash_v2"
        case savePath = "save_path"
        case sequentialDownload = "seq_dl"
        case totalSize = "total_size"
        case amountLeft = "amount_left"
        case contentPath = "content_path"
    }

    /// Decodes one object of the `torrents/info` array.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hash = try container.decode(String.self, forKey: .hash).lowercased()
        infoHashV1 = try container.decodeIfPresent(String.self, forKey: .infoHashV1)?.lowercased() ?? ""
        infoHashV2 = try container.decodeIfPresent(String.self, forKey: .infoHashV2)?.lowercased() ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        state = TorrentState(rawValue: try container.decodeIfPresent(String.self, forKey: .state) ?? "unknown")
        progress = try container.decodeIfPresent(Double.self, forKey: .progress) ?? 0
        savePath = try container.decodeIfPresent(String.self, forKey: .savePath) ?? ""
        category = try container.decodeIfPresent(String.self, forKey: .category) ?? ""
        let joined = try container.decodeIfPresent(String.self, forKey: .tags) ?? ""
        tags = joined.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        sequentialDownload = try container.decodeIfPresent(Bool.self, forKey: .sequentialDownload) ?? false
        size = try container.decodeIfPresent(Int64.self, forKey: .size) ?? 0
        totalSize = try container.decodeIfPresent(Int64.self, forKey: .totalSize) ?? 0
        amountLeft = try container.decodeIfPresent(Int64.self, forKey: .amountLeft) ?? 0
        contentPath = try container.decodeIfPresent(String.self, forKey: .contentPath) ?? ""
    }
}

/// What to add: a parsed `.torrent` file (uploaded as a file part) or a magnet link. Both know
/// their info-hash, so the outcome can be confirmed in `torrents/info`.
public enum TorrentSource: Sendable, Hashable {
    /// A `.torrent` file, uploaded with its original bytes.
    case file(TorrentFile)
    /// A magnet link (qBittorrent fetches the metadata from peers).
    case magnet(MagnetLink)

    /// The lowercase hex v1 info-hash.
    public var infoHash: String {
        switch self {
        case .file(let torrent): torrent.infoHash
        case .magnet(let magnet): magnet.infoHash
        }
    }
}

/// How a torrent is added (`torrents/add` parameters). `nil` leaves qBittorrent's default.
public struct TorrentAddOptions: Sendable, Hashable {
    /// How the payload is laid out under the save path (`contentLayout`).
    public enum ContentLayout: String, Sendable, Hashable {
        /// As the torrent has it: a single file directly in the save path, a multi-file torrent in its folder.
        case original = "Original"
        /// Always in a folder named after the torrent.
        case subfolder = "Subfolder"
        /// Never in a folder: a multi-file torrent's root folder is dropped.
        case noSubfolder = "NoSubfolder"
    }

    /// Absolute save path as qBittorrent sees it. When set, automatic torrent management is turned off
    /// for this torrent so a category's own path cannot override it.
    public var savePath: String?
    /// Category; created first when missing (an empty string means none).
    public var category: String?
    /// Tags (must not contain commas).
    public var tags: [String]
    /// Download pieces in order.
    public var sequentialDownload: Bool
    /// Add paused (4.x `paused`) / stopped (5.x `stopped`). A paused torrent is checked only once resumed.
    public var paused: Bool
    /// Payload layout; nil = the server's default.
    public var contentLayout: ContentLayout?

    /// Creates options; by default none is sent except `sequentialDownload=false` and `paused=false`.
    public init(
        savePath: String? = nil, category: String? = nil, tags: [String] = [], sequentialDownload: Bool = false,
        paused: Bool = false, contentLayout: ContentLayout? = nil
    ) {
        self.savePath = savePath
        self.category = category
        self.tags = tags
        self.sequentialDownload = sequentialDownload
        self.paused = paused
        self.contentLayout = contentLayout
    }
}

/// The outcome of an add.
public enum TorrentAddResult: Sendable, Hashable {
    /// qBittorrent took the torrent.
    case added
    /// qBittorrent already had a torrent with this hash; the existing one is left as it is (options not applied).
    case alreadyPresent
}

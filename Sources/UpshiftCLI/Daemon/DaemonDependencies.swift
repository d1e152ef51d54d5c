import UpshiftServices

/// The outside systems the daemon talks to, behind the ports of `UpshiftServices`. ``live(settings:httpClient:logger:)``
/// plugs in the real clients; tests may plug in anything that speaks the same ports.
public struct DaemonDependencies: Sendable {
    /// The RSS / Torznab feeds and their `.torrent` files.
    public var feeds: any FeedSource
    /// qBittorrent.
    public var torrents: any TorrentClient
    /// Telegram (questions, notices and button presses); `nil` = web UI only.
    public var chat: (any ApprovalNotifier & ChatCallbackSource)?
    /// Plex, else Radarr; `nil` = no library source.
    public var library: (any LibrarySource)?
    /// Radarr's folder of a movie, else the folder of the library file.
    public var folders: (any MovieFolderLookup)?
    /// Reads FEL or MEL from library files; `nil` when `library_probe` is off.
    public var probe: (any MediaProbe)?

    /// Creates the set.
    public init(
        feeds: any FeedSource, torrents: any TorrentClient, chat: (any ApprovalNotifier & ChatCallbackSource)?,
        library: (any LibrarySource)?, folders: (any MovieFolderLookup)?, probe: (any MediaProbe)? = nil
    ) {
        self.probe = probe
        self.feeds = feeds
        self.torrents = torrents
        self.chat = chat
        self.library = library
        self.folders = folders
    }
}

import Foundation
import UpshiftCore

/// Every setting of `settings.json` (SPEC §9), with the documented defaults.
///
/// FELScanner's keys are read as they are; Upshift's own keys follow. Load it with
/// ``SettingsLoader/load(path:environment:)``, which also applies `UPSHIFT_<KEY>` overrides and
/// reports every problem by key. The notification rules, `max_size_gb`, `min_seeders` and
/// `auto_approve` live in ``ruleSettings`` so that Core's defaults are the only defaults.
/// Encoding masks the secrets and redacts the feed URLs: an encoded `Settings` is for display.
public struct Settings: Sendable, Hashable {
    // MARK: - qBittorrent

    /// `qbittorrent_host`: a bare host (`10.0.0.63`) or a URL with a scheme; see ``qbittorrentBaseURL``.
    public var qbittorrentHost = "localhost"
    /// `qbittorrent_port`: the WebUI port, used with a bare host or a URL without a port.
    public var qbittorrentPort = 8080
    /// `qbittorrent_username`: empty means no login (the WebUI bypasses auth for this host).
    public var qbittorrentUsername = ""
    /// `qbittorrent_password`: empty means no login.
    public var qbittorrentPassword = Secret()
    /// `qbittorrent_category`: category given to added torrents (created if missing).
    public var qbittorrentCategory = "upshift"
    /// `qbit_pause_on_add`: add torrents paused.
    public var qbitPauseOnAdd = false
    /// `qbit_sequential_download`: download pieces in order.
    public var qbitSequentialDownload = false

    // MARK: - Radarr

    /// `radarr_url`: Radarr's base URL; `nil` when Radarr is not used.
    public var radarrURL: URL?
    /// `radarr_api_key`: sent as `X-Api-Key`.
    public var radarrAPIKey = Secret()
    /// `radarr_root_path`: Radarr's root folder as qBittorrent sees it, used when no ``pathMappings`` are given.
    public var radarrRootPath = ""

    // MARK: - Rules and notices

    /// The `notify_*` rule keys, `max_size_gb`, `min_seeders` and `auto_approve` (SPEC §5).
    public var ruleSettings = RuleSettings()
    /// `notify_download_start`: send the "download started" notice.
    public var notifyDownloadStart = true
    /// `notify_download_complete`: send the "download completed" notice.
    public var notifyDownloadComplete = true
    /// `notify_download_error`: send the "download failed" notice.
    public var notifyDownloadError = true

    // MARK: - Feeds

    /// `ipt_enabled`: poll ``iptFeedURLs``; false pauses polling without forgetting the feeds.
    public var iptEnabled = true
    /// `ipt_feed_urls`: RSS or Torznab feed URLs; they carry the passkey and print redacted.
    public var iptFeedURLs: [FeedURL] = []
    /// `ipt_poll_minutes`: minutes between two polls of every feed.
    public var iptPollMinutes = 5

    // MARK: - Telegram

    /// `telegram_bot_token`: the bot's token; empty means Telegram is not used.
    public var telegramBotToken = Secret()
    /// `telegram_chat_id`: the only chat whose answers are accepted, a number or `@channel`; empty when unset.
    public var telegramChatID = ""
    /// `telegram_api_url`: the Bot API base; calls go to `{telegram_api_url}/bot{token}/{method}`.
    public var telegramAPIURL = URL(string: "https://api.telegram.org")!

    // MARK: - Library

    /// `plex_url`: the Plex server; `nil` when Plex is not used.
    public var plexURL: URL?
    /// `plex_token`: sent as `X-Plex-Token`.
    public var plexToken = Secret()
    /// `library_refresh_minutes`: minutes between two library scans.
    public var libraryRefreshMinutes = 360
    /// `library_max_shrink_percent`: a scan that finds this share of the library's movies fewer
    /// (or more) missing is taken for a degraded source and does not replace the library.
    public var libraryMaxShrinkPercent = 10
    /// `path_mappings`: Radarr path prefixes and their qBittorrent equivalents, tried in order.
    public var pathMappings: [PathMapping] = []
    /// `media_path_mappings`: library path prefixes (as Plex or Radarr report them) and where
    /// Upshift can read the same files, for the Dolby Vision probe.
    public var mediaPathMappings: [PathMapping] = []
    /// `library_probe`: read FEL or MEL from library files whose name does not say.
    public var libraryProbe = true

    // MARK: - Web and storage

    /// `web_host`: the address the HTTP API and web UI listen on.
    public var webHost = "127.0.0.1"
    /// `web_port`: the port the HTTP API and web UI listen on.
    public var webPort = 8787
    /// `web_api_key`: when set, every API call and page needs it.
    public var webAPIKey = Secret()
    /// `web_allow_unauthenticated`: serve a non-loopback `web_host` without `web_api_key` on purpose.
    public var webAllowUnauthenticated = false
    /// `web_allowed_hosts`: further `Host` names the web server answers to (normalised: lower case,
    /// no brackets, no trailing dot); loopback names and `web_host` are always allowed.
    public var webAllowedHosts: [String] = []
    /// `web_session_days`: days a web UI login lasts.
    public var webSessionDays = 30
    /// `database_path`: the SQLite file.
    public var databasePath = "upshift.sqlite"
    /// `download_monitor_seconds`: seconds between two checks of the downloads in progress.
    public var downloadMonitorSeconds = 30
    /// `qbittorrent_error_grace_minutes`: how long qBittorrent may report a download as errored,
    /// missing its files or unknown before the request fails (a NAS mount that drops, a restart).
    public var qbittorrentErrorGraceMinutes = 15
    /// `releases_keep_days`: feed items no request refers to are forgotten after this many days.
    public var releasesKeepDays = 90

    /// The defaults of SPEC §5 and §9.
    public init() {}
}

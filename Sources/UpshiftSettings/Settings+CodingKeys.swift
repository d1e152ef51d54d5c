extension Settings {
    /// The `settings.json` keys, in the order they are documented and printed: FELScanner's first.
    public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
        case qbittorrentHost = "qbittorrent_host"
        case qbittorrentPort = "qbittorrent_port"
        case qbittorrentUsername = "qbittorrent_username"
        case qbittorrentPassword = "qbittorrent_password"
        case qbittorrentCategory = "qbittorrent_category"
        case qbitPauseOnAdd = "qbit_pause_on_add"
        case qbitSequentialDownload = "qbit_sequential_download"
        case radarrURL = "radarr_url"
        case radarrAPIKey = "radarr_api_key"
        case radarrRootPath = "radarr_root_path"
        case notifyFEL = "notify_fel"
        case notifyFELFromP5 = "notify_fel_from_p5"
        case notifyFELFromHDR = "notify_fel_from_hdr"
        case notifyFELDuplicates = "notify_fel_duplicates"
        case notifyDV = "notify_dv"
        case notifyDVFromHDR = "notify_dv_from_hdr"
        case notifyDVProfileUpgrades = "notify_dv_profile_upgrades"
        case notifyAtmos = "notify_atmos"
        case notifyAtmosOnlyIfNoAtmos = "notify_atmos_only_if_no_atmos"
        case notifyAtmosWithDVUpgrade = "notify_atmos_with_dv_upgrade"
        case notifyResolution = "notify_resolution"
        case notifyResolutionOnlyUpgrades = "notify_resolution_only_upgrades"
        case notifyOnlyLibraryMovies = "notify_only_library_movies"
        case notifyExpireHours = "notify_expire_hours"
        case notifyDownloadStart = "notify_download_start"
        case notifyDownloadComplete = "notify_download_complete"
        case notifyDownloadError = "notify_download_error"
        case iptEnabled = "ipt_enabled"
        case iptFeedURLs = "ipt_feed_urls"
        case iptPollMinutes = "ipt_poll_minutes"
        case telegramBotToken = "telegram_bot_token"
        case telegramChatID = "telegram_chat_id"
        case telegramAPIURL = "telegram_api_url"
        case plexURL = "plex_url"
        case plexToken = "plex_token"
        case libraryRefreshMinutes = "library_refresh_minutes"
        case libraryMaxShrinkPercent = "library_max_shrink_percent"
        case pathMappings = "path_mappings"
        case mediaPathMappings = "media_path_mappings"
        case libraryProbe = "library_probe"
        case webHost = "web_host"
        case webPort = "web_port"
        case webAPIKey = "web_api_key"
        case webAllowUnauthenticated = "web_allow_unauthenticated"
        case webAllowedHosts = "web_allowed_hosts"
        case webSessionDays = "web_session_days"
        case databasePath = "database_path"
        case downloadMonitorSeconds = "download_monitor_seconds"
        case qbittorrentErrorGraceMinutes = "qbittorrent_error_grace_minutes"
        case releasesKeepDays = "releases_keep_days"
        case maxSizeGB = "max_size_gb"
        case minSeeders = "min_seeders"
        case autoApprove = "auto_approve"

        /// The environment variable that overrides this key: `UPSHIFT_` and the key in upper case.
        public var environmentVariable: String { "UPSHIFT_" + rawValue.uppercased() }

        /// How an environment variable's text is read for this key.
        var valueType: SettingValueType {
            switch self {
            case .qbittorrentPort, .notifyExpireHours, .iptPollMinutes, .libraryRefreshMinutes, .webPort,
                .webSessionDays, .downloadMonitorSeconds, .minSeeders, .libraryMaxShrinkPercent,
                .qbittorrentErrorGraceMinutes, .releasesKeepDays:
                .integer
            case .maxSizeGB:
                .number
            case .qbitPauseOnAdd, .qbitSequentialDownload, .notifyFEL, .notifyFELFromP5, .notifyFELFromHDR,
                .notifyFELDuplicates, .notifyDV, .notifyDVFromHDR, .notifyDVProfileUpgrades, .notifyAtmos,
                .notifyAtmosOnlyIfNoAtmos, .notifyAtmosWithDVUpgrade, .notifyResolution,
                .notifyResolutionOnlyUpgrades, .notifyOnlyLibraryMovies, .notifyDownloadStart,
                .notifyDownloadComplete, .notifyDownloadError, .iptEnabled, .webAllowUnauthenticated, .libraryProbe:
                .bool
            case .iptFeedURLs, .autoApprove, .webAllowedHosts:
                .stringList
            case .pathMappings, .mediaPathMappings:
                .pathMappings
            case .qbittorrentHost, .qbittorrentUsername, .qbittorrentPassword, .qbittorrentCategory, .radarrURL,
                .radarrAPIKey, .radarrRootPath, .telegramBotToken, .telegramChatID, .telegramAPIURL, .plexURL,
                .plexToken, .webHost, .webAPIKey, .databasePath:
                .string
            }
        }

        /// True for the keys whose value is a credential (printed masked).
        public var isSecret: Bool {
            switch self {
            case .qbittorrentPassword, .radarrAPIKey, .telegramBotToken, .plexToken, .webAPIKey: true
            default: false
            }
        }
    }
}

/// The shape of a setting's value, which decides how an `UPSHIFT_<KEY>` variable is read.
enum SettingValueType: Sendable {
    /// `true`/`false`/`1`/`0`.
    case bool
    /// A whole number.
    case integer
    /// Any number.
    case number
    /// Text as is (also URLs, secrets and the chat id).
    case string
    /// A JSON list, or comma-separated items.
    case stringList
    /// A JSON list of `{"from", "to"}`, or comma-separated `from=to` pairs.
    case pathMappings
}

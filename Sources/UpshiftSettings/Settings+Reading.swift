import UpshiftCore

extension Settings {
    /// The outcome of reading a settings document: the settings (defaults where a value was bad),
    /// every problem, and warnings about ignored parts.
    struct ReadResult {
        /// The settings, with defaults where a value was bad.
        var settings: Settings
        /// Every bad value, by key.
        var errors: [SettingsError]
        /// Ignored parts.
        var warnings: [String]
    }

    /// Reads every known key of `values`; unknown keys are the caller's business.
    static func read(
        _ values: [String: JSONValue], sources: [String: SettingSource] = [:], defaultSource: SettingSource
    ) -> ReadResult {
        var reader = SettingsReader(values: values, sources: sources, defaultSource: defaultSource)
        var settings = Settings()
        settings.readConnections(&reader)
        settings.readRules(&reader)
        settings.readServices(&reader)
        return ReadResult(settings: settings, errors: reader.errors, warnings: reader.warnings)
    }

    /// qBittorrent and Radarr.
    private mutating func readConnections(_ reader: inout SettingsReader) {
        reader.readHost(.qbittorrentHost, into: &qbittorrentHost)
        reader.read(.qbittorrentPort, into: &qbittorrentPort, in: 1...65_535)
        reader.read(.qbittorrentUsername, into: &qbittorrentUsername)
        reader.read(.qbittorrentPassword, into: &qbittorrentPassword)
        reader.read(.qbittorrentCategory, into: &qbittorrentCategory)
        reader.read(.qbitPauseOnAdd, into: &qbitPauseOnAdd)
        reader.read(.qbitSequentialDownload, into: &qbitSequentialDownload)
        reader.read(.radarrURL, into: &radarrURL)
        reader.read(.radarrAPIKey, into: &radarrAPIKey)
        reader.read(.radarrRootPath, into: &radarrRootPath)
    }

    /// The `notify_*` keys and the filters of SPEC §5.
    private mutating func readRules(_ reader: inout SettingsReader) {
        reader.read(.notifyFEL, into: &ruleSettings.notifyFEL)
        reader.read(.notifyFELFromP5, into: &ruleSettings.notifyFELFromP5)
        reader.read(.notifyFELFromHDR, into: &ruleSettings.notifyFELFromHDR)
        reader.read(.notifyFELDuplicates, into: &ruleSettings.notifyFELDuplicates)
        reader.read(.notifyDV, into: &ruleSettings.notifyDV)
        reader.read(.notifyDVFromHDR, into: &ruleSettings.notifyDVFromHDR)
        reader.read(.notifyDVProfileUpgrades, into: &ruleSettings.notifyDVProfileUpgrades)
        reader.read(.notifyAtmos, into: &ruleSettings.notifyAtmos)
        reader.read(.notifyAtmosOnlyIfNoAtmos, into: &ruleSettings.notifyAtmosOnlyIfNoAtmos)
        reader.read(.notifyAtmosWithDVUpgrade, into: &ruleSettings.notifyAtmosWithDVUpgrade)
        reader.read(.notifyResolution, into: &ruleSettings.notifyResolution)
        reader.read(.notifyResolutionOnlyUpgrades, into: &ruleSettings.notifyResolutionOnlyUpgrades)
        reader.read(.notifyOnlyLibraryMovies, into: &ruleSettings.notifyOnlyLibraryMovies)
        reader.read(.notifyExpireHours, into: &ruleSettings.notifyExpireHours, in: 1...Limits.hoursInAYear)
        reader.read(.notifyDownloadStart, into: &notifyDownloadStart)
        reader.read(.notifyDownloadComplete, into: &notifyDownloadComplete)
        reader.read(.notifyDownloadError, into: &notifyDownloadError)
        reader.read(.maxSizeGB, into: &ruleSettings.maxSizeGB, minimum: 0)
        reader.read(.minSeeders, into: &ruleSettings.minSeeders, in: 0...1_000_000)
        reader.read(.autoApprove, into: &ruleSettings.autoApprove)
    }

    /// Feeds, Telegram, Plex, paths, the web server and storage.
    private mutating func readServices(_ reader: inout SettingsReader) {
        reader.read(.iptEnabled, into: &iptEnabled)
        reader.read(.iptFeedURLs, into: &iptFeedURLs)
        reader.read(.iptPollMinutes, into: &iptPollMinutes, in: 1...Limits.minutesInAWeek)
        reader.read(.telegramBotToken, into: &telegramBotToken)
        reader.readChatID(.telegramChatID, into: &telegramChatID)
        reader.read(.telegramAPIURL, into: &telegramAPIURL)
        reader.read(.plexURL, into: &plexURL)
        reader.read(.plexToken, into: &plexToken)
        reader.read(.libraryRefreshMinutes, into: &libraryRefreshMinutes, in: 1...Limits.minutesInAWeek * 4)
        reader.read(.libraryMaxShrinkPercent, into: &libraryMaxShrinkPercent, in: 0...100)
        reader.read(.pathMappings, into: &pathMappings)
        reader.read(.mediaPathMappings, into: &mediaPathMappings)
        reader.read(.libraryProbe, into: &libraryProbe)
        reader.read(.webHost, into: &webHost, allowEmpty: false)
        reader.read(.webPort, into: &webPort, in: 1...65_535)
        reader.read(.webAPIKey, into: &webAPIKey)
        reader.read(.webAllowUnauthenticated, into: &webAllowUnauthenticated)
        reader.readHosts(.webAllowedHosts, into: &webAllowedHosts)
        reader.read(.webSessionDays, into: &webSessionDays, in: 1...3650)
        reader.read(.databasePath, into: &databasePath, allowEmpty: false)
        reader.read(.downloadMonitorSeconds, into: &downloadMonitorSeconds, in: 1...86_400)
        reader.read(.qbittorrentErrorGraceMinutes, into: &qbittorrentErrorGraceMinutes, in: 0...Limits.minutesInAWeek)
        reader.read(.releasesKeepDays, into: &releasesKeepDays, in: 1...36_500)
    }
}

/// Upper bounds of the interval settings: beyond them a timer or a date would overflow, and no
/// home server needs more.
enum Limits {
    /// 10,080.
    static let minutesInAWeek = 7 * 24 * 60
    /// 8,760.
    static let hoursInAYear = 365 * 24
}

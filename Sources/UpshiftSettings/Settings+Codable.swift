import Foundation
import UpshiftCore

extension Settings: Codable {
    /// Reads a `settings.json` object with the same checks as ``SettingsLoader``: every known key
    /// optional, defaults for the rest, unknown keys ignored. Throws ``SettingsError`` listing
    /// every bad key.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.singleValueContainer().decode([String: JSONValue].self)
        let result = Settings.read(values, defaultSource: .document)
        if let error = SettingsError.combining(result.errors) { throw error }
        self = result.settings
    }

    /// Writes every key in ``CodingKeys`` order, secrets masked and URLs redacted, so the output
    /// is safe to print or serve and reads like a `settings.json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(redactedHost, forKey: .qbittorrentHost)
        try container.encode(qbittorrentPort, forKey: .qbittorrentPort)
        try container.encode(qbittorrentUsername, forKey: .qbittorrentUsername)
        try container.encode(qbittorrentPassword, forKey: .qbittorrentPassword)
        try container.encode(qbittorrentCategory, forKey: .qbittorrentCategory)
        try container.encode(qbitPauseOnAdd, forKey: .qbitPauseOnAdd)
        try container.encode(qbitSequentialDownload, forKey: .qbitSequentialDownload)
        try container.encode(radarrURL.map { redactedURL($0) } ?? "", forKey: .radarrURL)
        try container.encode(radarrAPIKey, forKey: .radarrAPIKey)
        try container.encode(radarrRootPath, forKey: .radarrRootPath)
        try encodeRules(into: &container)
        try container.encode(iptEnabled, forKey: .iptEnabled)
        try container.encode(iptFeedURLs, forKey: .iptFeedURLs)
        try container.encode(iptPollMinutes, forKey: .iptPollMinutes)
        try container.encode(telegramBotToken, forKey: .telegramBotToken)
        if let number = Int64(telegramChatID) {
            try container.encode(number, forKey: .telegramChatID)
        } else {
            try container.encode(telegramChatID, forKey: .telegramChatID)
        }
        try container.encode(redactedURL(telegramAPIURL), forKey: .telegramAPIURL)
        try container.encode(plexURL.map { redactedURL($0) } ?? "", forKey: .plexURL)
        try container.encode(plexToken, forKey: .plexToken)
        try container.encode(libraryRefreshMinutes, forKey: .libraryRefreshMinutes)
        try container.encode(libraryMaxShrinkPercent, forKey: .libraryMaxShrinkPercent)
        try container.encode(pathMappings, forKey: .pathMappings)
        try container.encode(mediaPathMappings, forKey: .mediaPathMappings)
        try container.encode(libraryProbe, forKey: .libraryProbe)
        try container.encode(webHost, forKey: .webHost)
        try container.encode(webPort, forKey: .webPort)
        try container.encode(webAPIKey, forKey: .webAPIKey)
        try container.encode(webAllowUnauthenticated, forKey: .webAllowUnauthenticated)
        try container.encode(webAllowedHosts, forKey: .webAllowedHosts)
        try container.encode(webSessionDays, forKey: .webSessionDays)
        try container.encode(databasePath, forKey: .databasePath)
        try container.encode(downloadMonitorSeconds, forKey: .downloadMonitorSeconds)
        try container.encode(qbittorrentErrorGraceMinutes, forKey: .qbittorrentErrorGraceMinutes)
        try container.encode(releasesKeepDays, forKey: .releasesKeepDays)
        try container.encode(ruleSettings.maxSizeGB, forKey: .maxSizeGB)
        try container.encode(ruleSettings.minSeeders, forKey: .minSeeders)
        let kinds = DecisionKind.allCases.filter(ruleSettings.autoApprove.contains).map(\.rawValue)
        try container.encode(kinds, forKey: .autoApprove)
    }

    /// The `notify_*` keys, in documented order.
    private func encodeRules(into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        let rules = ruleSettings
        try container.encode(rules.notifyFEL, forKey: .notifyFEL)
        try container.encode(rules.notifyFELFromP5, forKey: .notifyFELFromP5)
        try container.encode(rules.notifyFELFromHDR, forKey: .notifyFELFromHDR)
        try container.encode(rules.notifyFELDuplicates, forKey: .notifyFELDuplicates)
        try container.encode(rules.notifyDV, forKey: .notifyDV)
        try container.encode(rules.notifyDVFromHDR, forKey: .notifyDVFromHDR)
        try container.encode(rules.notifyDVProfileUpgrades, forKey: .notifyDVProfileUpgrades)
        try container.encode(rules.notifyAtmos, forKey: .notifyAtmos)
        try container.encode(rules.notifyAtmosOnlyIfNoAtmos, forKey: .notifyAtmosOnlyIfNoAtmos)
        try container.encode(rules.notifyAtmosWithDVUpgrade, forKey: .notifyAtmosWithDVUpgrade)
        try container.encode(rules.notifyResolution, forKey: .notifyResolution)
        try container.encode(rules.notifyResolutionOnlyUpgrades, forKey: .notifyResolutionOnlyUpgrades)
        try container.encode(rules.notifyOnlyLibraryMovies, forKey: .notifyOnlyLibraryMovies)
        try container.encode(rules.notifyExpireHours, forKey: .notifyExpireHours)
        try container.encode(notifyDownloadStart, forKey: .notifyDownloadStart)
        try container.encode(notifyDownloadComplete, forKey: .notifyDownloadComplete)
        try container.encode(notifyDownloadError, forKey: .notifyDownloadError)
    }

    /// `qbittorrent_host` as printed: a URL form is redacted (it may carry `user:password@`).
    private var redactedHost: String {
        qbittorrentHost.contains("://") ? redactedURL(qbittorrentHost) : qbittorrentHost
    }
}

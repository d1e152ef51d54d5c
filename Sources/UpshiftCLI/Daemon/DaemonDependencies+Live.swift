import AsyncHTTPClient
import Foundation
import Logging
import Plex
import QBittorrent
import Radarr
import Telegram
import TorrentFeed
import UpshiftServices
import UpshiftSettings

extension DaemonDependencies {
    /// The real clients, configured from the settings: qBittorrent always; Telegram when a token
    /// is set; Plex as the library when `plex_url` is set, else Radarr when `radarr_url` is set;
    /// Radarr (or the library file's folder) for the movie folder.
    ///
    /// `qbittorrentTimeout` is the deadline of one qBittorrent call (a qBittorrent that is not
    /// running is only noticed when it passes, as the HTTP client retries refused connections).
    public static func live(
        settings: Settings, httpClient: HTTPClient, logger: Logger, qbittorrentTimeout: Duration = .seconds(15)
    ) -> DaemonDependencies {
        let qbittorrent = QBittorrentClient(
            baseURL: settings.qbittorrentBaseURL ?? URL(string: "http://localhost:8080")!,
            username: settings.qbittorrentUsername, password: settings.qbittorrentPassword, httpClient: httpClient,
            logger: logger, timeout: qbittorrentTimeout)
        let feeds = FeedClient(httpClient: httpClient, logger: logger)
        let chat = settings.telegramBotToken.isSet
            ? TelegramChatAdapter(
                client: TelegramClient(
                    baseURL: settings.telegramAPIURL, token: settings.telegramBotToken, httpClient: httpClient,
                    logger: logger),
                chatID: settings.telegramChatID)
            : nil
        let radarr = settings.radarrURL.map {
            RadarrClient(baseURL: $0, apiKey: settings.radarrAPIKey, httpClient: httpClient, logger: logger)
        }
        let plex = settings.plexURL.map {
            PlexClient(baseURL: $0, token: settings.plexToken, httpClient: httpClient, logger: logger)
        }
        let library: (any LibrarySource)? =
            plex.map { PlexLibrarySource(client: $0) } ?? radarr.map { RadarrLibrarySource(client: $0) }
        return DaemonDependencies(
            feeds: FeedClientSource(client: feeds), torrents: QBittorrentTorrentClient(client: qbittorrent),
            chat: chat, library: library, folders: MovieFolders(radarr: radarr, mapper: PathMapper(settings: settings)))
    }
}

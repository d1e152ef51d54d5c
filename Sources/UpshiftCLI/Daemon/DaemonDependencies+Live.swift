import AsyncHTTPClient
import Foundation
import HTTPClientSupport
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
    /// `httpClient` fetches the feeds and their `.torrent` files, and may follow redirects (a tracker's
    /// passkey is in the URL it was given). Plex, Radarr, qBittorrent and Telegram put a secret in a
    /// header or the path, so they use ``HTTPClient/noRedirects``: a redirect is an error, never followed
    /// to another origin (SPEC §9).
    ///
    /// `qbittorrentTimeout` is the deadline of one qBittorrent call (a qBittorrent that is not
    /// running is only noticed when it passes, as the HTTP client retries refused connections).
    public static func live(
        settings: Settings, httpClient: HTTPClient, logger: Logger, qbittorrentTimeout: Duration = .seconds(15)
    ) -> DaemonDependencies {
        let services = HTTPClient.noRedirects
        let qbittorrent = QBittorrentClient(
            baseURL: settings.qbittorrentBaseURL ?? URL(string: "http://localhost:8080")!,
            username: settings.qbittorrentUsername, password: settings.qbittorrentPassword, httpClient: services,
            logger: logger, timeout: qbittorrentTimeout)
        let feeds = FeedClient(httpClient: httpClient, logger: logger)
        let chat = settings.telegramBotToken.isSet
            ? TelegramChatAdapter(
                client: TelegramClient(
                    baseURL: settings.telegramAPIURL, token: settings.telegramBotToken, httpClient: services,
                    logger: logger),
                chatID: settings.telegramChatID)
            : nil
        let radarr = settings.radarrURL.map {
            RadarrClient(baseURL: $0, apiKey: settings.radarrAPIKey, httpClient: services, logger: logger)
        }
        let plex = settings.plexURL.map {
            PlexClient(baseURL: $0, token: settings.plexToken, httpClient: services, logger: logger)
        }
        let library: (any LibrarySource)? =
            plex.map { PlexLibrarySource(client: $0) } ?? radarr.map { RadarrLibrarySource(client: $0) }
        return DaemonDependencies(
            feeds: FeedClientSource(client: feeds), torrents: QBittorrentTorrentClient(client: qbittorrent),
            chat: chat, library: library, folders: MovieFolders(radarr: radarr, mapper: PathMapper(settings: settings)))
    }
}

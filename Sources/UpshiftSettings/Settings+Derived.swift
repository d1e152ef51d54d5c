import Foundation

extension Settings {
    /// The qBittorrent WebUI base URL, without a trailing slash.
    ///
    /// A bare `qbittorrent_host` becomes `http://HOST:PORT`. A URL keeps its scheme, path and
    /// port; when it names no port, `qbittorrent_port` is added (FELScanner configurations often
    /// say `"http://10.0.0.63"` plus `"qbittorrent_port": 8080`). `nil` only for a host the
    /// loader would have rejected.
    public var qbittorrentBaseURL: URL? {
        let host = qbittorrentHost.trimmingCharacters(in: .whitespaces)
        guard host.contains("://") else {
            return URL(string: "http://\(host):\(qbittorrentPort)")
        }
        guard HTTPURLValidation.httpURL(host) != nil, var components = URLComponents(string: host) else {
            return nil
        }
        if components.port == nil { components.port = qbittorrentPort }
        while components.percentEncodedPath.hasSuffix("/") { components.percentEncodedPath.removeLast() }
        return components.url
    }
}

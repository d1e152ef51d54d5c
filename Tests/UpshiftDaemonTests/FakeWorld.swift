import Foundation
import Hummingbird
import NIOCore
import UpshiftTestSupport

/// One loopback server playing every outside system but qBittorrent: the IPTorrents RSS feed and
/// its `.torrent` downloads, Plex, Radarr and the Telegram Bot API, each under its own paths and
/// answering the documented shapes (reference/*.md).
struct FakeWorld: Sendable {
    static let passkey = "0123456789abcdef0123456789abcdef"
    static let botToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    static let plexToken = "plex-token-9f8e7d6c5b4a"
    static let radarrKey = "radarr-key-00112233445566778899"
    static let ownerChat: Int64 = 42

    /// A release listed in the feed.
    struct Release: Sendable {
        var id: Int
        var name: String
        var torrent: TestTorrent?
    }

    let releases: [Release]
    let telegram = FakeTelegram()
    let radarrRoot: String

    /// The feed URL as the owner would paste it (passkey included).
    func feedURL(_ base: String) -> String { "\(base)/t.rss?u=1234567;tp=\(Self.passkey);101;download" }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let releases = releases
        router.get("/t.rss") { request, _ -> Response in
            let host = request.head.authority ?? "127.0.0.1"
            let items = releases.map { release in
                """
                <item><title>\(release.name.replacingOccurrences(of: ".", with: " "))</title>
                <link>http://\(host)/download.php/\(release.id)/\(release.name).torrent?torrent_pass=\(Self.passkey)</link>
                <pubDate>Tue, 24 Nov 2026 20:41:07 +0000</pubDate><description>72.85 GB; Movie/4K</description></item>
                """
            }
            let xml = """
                <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>IPTorrents</title>
                <link>https://iptorrents.com</link><description>IPTorrents RSS</description>
                \(items.joined(separator: "\n"))</channel></rss>
                """
            return Self.response(xml, type: "application/rss+xml")
        }
        router.get("/download.php/:id/:file") { request, context -> Response in
            guard request.uri.queryParameters.get("torrent_pass") == Self.passkey,
                let id = context.parameters.get("id", as: Int.self),
                let torrent = releases.first(where: { $0.id == id })?.torrent
            else { return Self.response("<html>Login</html>", type: "text/html", status: .ok) }
            return Response(
                status: .ok, headers: [.contentType: "application/x-bittorrent"],
                body: .init(byteBuffer: ByteBuffer(bytes: torrent.data)))
        }
        addPlex(router)
        addRadarr(router)
        let telegram = telegram
        router.post("/:bot/:method") { request, context -> Response in
            guard context.parameters.get("bot") == "bot\(Self.botToken)" else {
                return Self.response(#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#, status: .unauthorized)
            }
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let (status, json) = await telegram.handle(
                method: context.parameters.get("method") ?? "", body: Data(body.readableBytesView))
            return Self.response(json, status: .init(code: status))
        }
        return router
    }

    // MARK: - Plex

    /// The library: Heat held in P5, Alien in P7 FEL (stated by its file name), The Fellowship
    /// of the Ring in HDR10 1080p.
    static let plexMovies: [(key: String, title: String, year: Int, tmdb: Int, file: String, profile: Int?, height: String, atmos: Bool)] = [
        ("101", "Heat", 1995, 949, "/media/movies/Heat (1995)/Heat.1995.2160p.WEB-DL.DV.P5.DDP5.1.mkv", 5, "4k", false),
        ("102", "Alien", 1979, 348, "/media/movies/Alien (1979)/Alien.1979.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.mkv", 7, "4k", true),
        ("103", "The Lord of the Rings: The Fellowship of the Ring", 2001, 120, "/media/movies/LOTR (2001)/LOTR.2001.1080p.BluRay.HDR10.mkv", nil, "1080", false),
    ]

    private func addPlex(_ router: Router<BasicRequestContext>) {
        router.get("/library/sections") { request, _ -> Response in
            guard request.headers[.init("X-Plex-Token")!] == Self.plexToken else { return Response(status: .unauthorized) }
            return Self.response(
                #"{"MediaContainer":{"size":1,"Directory":[{"key":"1","type":"movie","title":"Movies","agent":"tv.plex.agents.movie","Location":[{"id":1,"path":"/media/movies"}]}]}}"#)
        }
        router.get("/library/sections/1/all") { request, _ -> Response in
            guard request.headers[.init("X-Plex-Token")!] == Self.plexToken else { return Response(status: .unauthorized) }
            let items = Self.plexMovies.map { Self.plexMetadata($0, streams: false) }
            let count = Self.plexMovies.count
            return Self.response(
                #"{"MediaContainer":{"size":\#(count),"totalSize":\#(count),"offset":0,"Metadata":[\#(items.joined(separator: ","))]}}"#)
        }
        router.get("/library/metadata/:key") { request, context -> Response in
            guard request.headers[.init("X-Plex-Token")!] == Self.plexToken else { return Response(status: .unauthorized) }
            guard let movie = Self.plexMovies.first(where: { $0.key == context.parameters.get("key") }) else {
                return Response(status: .notFound)
            }
            return Self.response(#"{"MediaContainer":{"size":1,"Metadata":[\#(Self.plexMetadata(movie, streams: true))]}}"#)
        }
    }

    private static func plexMetadata(
        _ m: (key: String, title: String, year: Int, tmdb: Int, file: String, profile: Int?, height: String, atmos: Bool),
        streams: Bool
    ) -> String {
        let dovi = m.profile.map {
            #","DOVIPresent":true,"DOVIProfile":\#($0),"DOVILevel":6,"DOVIBLPresent":true,"DOVIELPresent":\#($0 == 7),"DOVIRPUPresent":true,"DOVIBLCompatID":\#($0 == 5 ? 0 : 6)"#
        } ?? ""
        let audioTitle = m.atmos ? "TrueHD Atmos 7.1" : "EAC3 5.1"
        let streamList =
            streams
            ? #","Stream":[{"id":1,"streamType":1,"codec":"hevc","bitDepth":10,"colorTrc":"smpte2084","displayTitle":"4K"\#(dovi)},{"id":2,"streamType":2,"codec":"\#(m.atmos ? "truehd" : "eac3")","channels":8,"title":"\#(audioTitle)","displayTitle":"English (\#(audioTitle))"}]"#
            : ""
        return """
            {"ratingKey":"\(m.key)","key":"/library/metadata/\(m.key)","guid":"plex://movie/\(m.key)","type":"movie",\
            "title":"\(m.title)","year":\(m.year),"Guid":[{"id":"tmdb://\(m.tmdb)"}],\
            "Media":[{"id":\(m.key),"videoResolution":"\(m.height)","audioCodec":"\(m.atmos ? "truehd" : "eac3")","videoCodec":"hevc",\
            "Part":[{"id":\(m.key),"file":"\(m.file)","size":50000000000\(streamList)}]}]}
            """
    }

    // MARK: - Radarr

    private func addRadarr(_ router: Router<BasicRequestContext>) {
        let root = radarrRoot
        let movies = Self.plexMovies.enumerated().map { index, m in
            #"{"id":\#(index + 1),"title":"\#(m.title)","year":\#(m.year),"tmdbId":\#(m.tmdb),"path":"\#(root)/\#(m.title.replacingOccurrences(of: ":", with: "")) (\#(m.year))","rootFolderPath":"\#(root)","hasFile":true}"#
        }
        router.get("/api/v3/movie") { request, _ -> Response in
            guard request.headers[.init("X-Api-Key")!] == Self.radarrKey else { return Response(status: .unauthorized) }
            if let tmdb = request.uri.queryParameters.get("tmdbId") {
                return Self.response("[\(movies.filter { $0.contains("\"tmdbId\":\(tmdb),") }.joined(separator: ","))]")
            }
            return Self.response("[\(movies.joined(separator: ","))]")
        }
        router.get("/api/v3/rootfolder") { request, _ -> Response in
            guard request.headers[.init("X-Api-Key")!] == Self.radarrKey else { return Response(status: .unauthorized) }
            return Self.response(#"[{"id":1,"path":"\#(root)","accessible":true,"freeSpace":1000}]"#)
        }
    }

    static func response(_ text: String, type: String = "application/json", status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

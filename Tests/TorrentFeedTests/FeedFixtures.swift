import Foundation

/// Feed documents served by the fake tracker. `BASE` is replaced by the loopback server's URL.
/// Passkeys and API keys are fake; the tests assert they never reach a log line or an error.
enum FeedFixtures {
    /// The IPTorrents passkey in the feed URL and in every download link.
    static let passkey = "0123456789abcdef0123456789abcdef"
    /// The Torznab (Prowlarr) API key.
    static let apiKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    /// The passkey inside the magnet's announce URL.
    static let announcePasskey = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"

    /// The reference's example feed (current description form), links pointing at `BASE`.
    static let iptorrents = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>IPTorrents</title>
            <link>https://iptorrents.com</link>
            <description>IPTorrents RSS</description>
            <item>
              <title>Dune Part Two 2024 2160p UHD BluRay REMUX DV HDR10 HEVC TrueHD 7 1 Atmos-GRP</title>
              <link>BASE/download.php/7123456/Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-GRP.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <pubDate>Tue, 24 Nov 2026 20:41:07 +0000</pubDate>
              <description>72.85 GB; Movie/4K</description>
            </item>
            <item>
              <title>Heat 1995 Director&#39;s Definitive Edition 2160p WEB-DL DDP5 1 DV H 265-GRP</title>
              <link>BASE/download.php/7123440/Heat.1995.Director&#39;s.Definitive.Edition.2160p.WEB-DL.DDP5.1.DV.H.265-GRP.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <pubDate>Tue, 24 Nov 2026 20:12:55 +0000</pubDate>
              <description>21.4 GB; Movie/4K</description>
            </item>
            <item>
              <title>Some Film 2023 1080p WEB-DL x265-GRP</title>
              <link>BASE/download.php/7123391/Some.Film.2023.1080p.WEB-DL.x265-GRP.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <pubDate>Tue, 24 Nov 2026 19:58:02 +0000</pubDate>
              <description>2.31 GB; Movie/x265</description>
            </item>
          </channel>
        </rss>
        """

    /// Both description forms of the Sonarr/Radarr fixture, plus a two-digit year and a named zone.
    static let olderFormat = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>IPTorrents</title>
            <item>
              <title>24 S03E12 720p WEB-DL DD5 1 H 264 - LP</title>
              <link>https://iptorrents.com/download.php/1234/24.S03E12.720p.WEBRip.h264-DRAWER.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <pubDate>Mon, 12 May 2014 19:06:34 +0000</pubDate>
              <description>Category: TV/x264 Size: 1.37 GB</description>
            </item>
            <item>
              <title>Conan 2015 02 05 Jeff Bridges 720p HDTV X264-CROOKS</title>
              <link>https://iptorrents.com/download.php/1235/Conan.2015.02.05.Jeff.Bridges.720p.HDTV.X264-CROOKS.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <pubDate>Mon, 12 May 14 15:06:34 EDT</pubDate>
              <description>556 MB; TV/x264</description>
            </item>
          </channel>
        </rss>
        """

    /// A Prowlarr-style Torznab reply: namespaced attributes, enclosure, numeric categories, an
    /// `apikey` in the download link and a passkey in the magnet's announce URL.
    static let torznab = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
          <channel>
            <atom:link href="BASE/1/api" rel="self" type="application/rss+xml" />
            <title>MyTracker</title>
            <description>MyTracker feed (Prowlarr)</description>
            <link>https://tracker.example/</link>
            <language>en-US</language>
            <category>search</category>
            <item>
              <title>Oppenheimer 2023 2160p UHD BluRay REMUX DV HDR HEVC TrueHD Atmos 7.1-GRP</title>
              <guid>https://tracker.example/torrents/98765</guid>
              <prowlarrindexer id="1" type="private">MyTracker</prowlarrindexer>
              <type>private</type>
              <comments>https://tracker.example/torrents/98765</comments>
              <pubDate>Sat, 14 Nov 2026 10:22:31 +0000</pubDate>
              <size>85899345920</size>
              <link>BASE/1/download?apikey=9f8e7d6c5b4a39281706f5e4d3c2b1a0&amp;link=OTg3NjU&amp;file=Oppenheimer+2023+2160p</link>
              <category>2000</category>
              <category>2045</category>
              <enclosure url="BASE/1/download?apikey=9f8e7d6c5b4a39281706f5e4d3c2b1a0&amp;link=OTg3NjU&amp;file=Oppenheimer+2023+2160p" length="85899345920" type="application/x-bittorrent" />
              <torznab:attr name="category" value="2000" />
              <torznab:attr name="category" value="2045" />
              <torznab:attr name="imdbid" value="tt15398776" />
              <torznab:attr name="seeders" value="42" />
              <torznab:attr name="peers" value="45" />
              <torznab:attr name="grabs" value="120" />
              <torznab:attr name="size" value="85899345920" />
              <torznab:attr name="infohash" value="0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" />
              <torznab:attr name="magneturl" value="magnet:?xt=urn:btih:0A1B2C3D4E5F60718293A4B5C6D7E8F901234567&amp;dn=Oppenheimer+2023+2160p&amp;tr=https%3A%2F%2Ftracker.example%2Fannounce%3Fpasskey%3D5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b" />
              <torznab:attr name="downloadvolumefactor" value="0" />
              <torznab:attr name="uploadvolumefactor" value="1" />
            </item>
            <item>
              <title>Small Film 2022 1080p BluRay x264-GRP</title>
              <guid>https://tracker.example/torrents/98700</guid>
              <pubDate>Fri, 13 Nov 2026 08:00:00 +0000</pubDate>
              <link>BASE/1/download?apikey=9f8e7d6c5b4a39281706f5e4d3c2b1a0&amp;link=OTg3MDA</link>
              <category>2040</category>
              <enclosure url="BASE/1/download?apikey=9f8e7d6c5b4a39281706f5e4d3c2b1a0&amp;link=OTg3MDA" length="9663676416" type="application/x-bittorrent" />
              <torznab:attr name="seeders" value="0" />
            </item>
          </channel>
        </rss>
        """

    /// Entities in titles and links, CDATA, a space in a file name, and items that must be skipped.
    static let entities = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>IPTorrents</title>
            <item>
              <title>Fast &amp; Furious 2009 2160p WEB-DL DV-GRP</title>
              <link>https://iptorrents.com/download.php/555/Fast &amp; Furious 2009.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
              <description>10 GB; Movie/4K</description>
            </item>
            <item>
              <title>Schindler&amp;#39;s List 1993 2160p UHD BluRay REMUX-GRP</title>
              <link>https://iptorrents.com/download.php/556/Schindler's.List.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
            </item>
            <item>
              <title><![CDATA[Amélie 2001 1080p <Remastered>]]></title>
              <link><![CDATA[https://other.example/get/abc?id=9]]></link>
              <guid isPermaLink="false">other-9</guid>
            </item>
            <item>
              <title>No Link 2020 1080p</title>
            </item>
            <item>
              <link>https://iptorrents.com/download.php/557/untitled.torrent?torrent_pass=0123456789abcdef0123456789abcdef</link>
            </item>
          </channel>
        </rss>
        """

    /// What sloppy trackers write: a bare `&`, HTML-only entities, and a bare `&` inside CDATA.
    static let sloppy = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <item>
              <title>Fast & Furious 2009 2160p&nbsp;WEB-DL &eacute;dition &unknown; R&amp;D</title>
              <link>https://tracker.example/download.php/900/Fast.torrent?a=1&torrent_pass=0123456789abcdef0123456789abcdef</link>
              <description><![CDATA[4 GB; Movie/4K & more]]></description>
            </item>
          </channel>
        </rss>
        """

    /// A channel without items.
    static let emptyChannel = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>IPTorrents</title><description>IPTorrents RSS</description></channel></rss>
        """

    /// Mismatched tags on line 6.
    static let malformed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <item>
              <title>Broken 2024</title>
              <link>https://iptorrents.com/download.php/1/x.torrent?torrent_pass=0123456789abcdef0123456789abcdef</item>
          </channel>
        </rss>
        """

    /// What a tracker sends when the session or passkey is not accepted.
    static let loginPage = """
        <!DOCTYPE html>
        <html><head><title>IPTorrents :: Login</title></head>
        <body><form action="/do-login.php?torrent_pass=0123456789abcdef0123456789abcdef" method="post">
        <input name="username"><input name="password" type="password"></form></body></html>
        """

    /// Well-formed XML that is not RSS.
    static let xhtml = "<html><body><p>Please log in</p></body></html>"

    /// A small bencoded dictionary shaped like a single-file `.torrent`.
    static let torrent =
        "d8:announce40:https://tracker.example/announce/abcdefgh4:infod6:lengthi1024e4:name5:x.mkv12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee"

    /// `document` with `BASE` replaced.
    static func filled(_ document: String, base: String) -> String {
        document.replacingOccurrences(of: "BASE", with: base)
    }
}

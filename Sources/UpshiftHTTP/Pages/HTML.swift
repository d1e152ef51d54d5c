import Foundation
import Hummingbird
import UpshiftCore

/// Small helpers to write the web UI's HTML safely: every dynamic text goes through ``escape(_:)``.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` escaped, for text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A whole page: navigation, title and body, as a `text/html` response. With a `logout` CSRF
    /// token (a key is set), the header ends with a Log out button posting it to `/logout`.
    static func page(
        _ title: String, active: String, body: String, status: HTTPResponse.Status = .ok, logout: String? = nil
    ) -> Response {
        let links = [("/", "Pending"), ("/feed", "Feed"), ("/history", "History"), ("/library", "Library"),
                     ("/settings", "Settings")]
        let nav = links.map { href, name in
            "<a href=\"\(href)\"\(href == active ? " class=\"active\"" : "")>\(name)</a>"
        }.joined()
        let logoutForm = logout.map { csrf in
            """
            <form class="logout" method="post" action="/logout"><input type="hidden" name="csrf" value="\(escape(csrf))"><button>Log out</button></form>
            """
        } ?? ""
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · Upshift</title>
            <link rel="stylesheet" href="/style.css"></head>
            <body><header><strong>Upshift</strong><nav>\(nav)</nav>\(logoutForm)</header>
            <main><h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: .init(string: html)))
    }

    /// A badge for a decision kind.
    static func badge(_ kind: String) -> String {
        "<span class=\"badge \(escape(kind))\">\(escape(kind.replacingOccurrences(of: "_", with: " ")))</span>"
    }

    /// `12.3 GB`, `700 MB`, `12 KB` (decimal, as trackers show sizes), or an empty string.
    static func size(_ bytes: Int64?) -> String {
        guard let bytes, bytes > 0 else { return "" }
        let gb = Double(bytes) / 1_000_000_000
        if gb >= 1 { return String(format: "%.1f GB", gb) }
        if bytes >= 1_000_000 { return String(format: "%.0f MB", Double(bytes) / 1_000_000) }
        return bytes >= 1000 ? String(format: "%.0f KB", Double(bytes) / 1000) : "\(bytes) bytes"
    }

    /// `2026-11-30 09:00 UTC`.
    static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// A quality in a few words, e.g. `2160p · P7 FEL · Atmos · TrueHD 7.1 · BluRay REMUX`.
    static func quality(_ quality: Quality?) -> String {
        guard let quality else { return "<em>not in the library</em>" }
        var parts: [String] = []
        if let resolution = quality.resolution { parts.append(resolution.rawValue) }
        parts.append(quality.dynamicRangeLabel)
        if quality.atmos { parts.append("Atmos") }
        if let audio = quality.audio {
            parts.append(audio.rawValue + (quality.channels.map { " \($0.rawValue)" } ?? ""))
        }
        if let source = quality.source { parts.append(source.rawValue + (quality.remux == true ? " REMUX" : "")) }
        return escape(parts.joined(separator: " · "))
    }

    /// The stylesheet.
    static let css = """
        :root{font-family:system-ui,sans-serif;color:#1d2430;background:#f5f6f8}
        header{display:flex;gap:2rem;align-items:center;padding:.8rem 1.5rem;background:#1d2430;color:#fff}
        nav a{color:#cfd6e4;margin-right:1rem;text-decoration:none}nav a.active,nav a:hover{color:#fff}
        main{max-width:1100px;margin:1.5rem auto;padding:0 1rem}
        table{width:100%;border-collapse:collapse;background:#fff}th,td{padding:.45rem .6rem;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top;font-size:.92rem}
        th{background:#eef0f3}.card{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:1rem;margin-bottom:1rem}
        .badge{display:inline-block;padding:.1rem .45rem;border-radius:4px;font-size:.78rem;background:#dfe3e8}
        .badge.fel{background:#5b2bd6;color:#fff}.badge.dv{background:#2b6cd6;color:#fff}.badge.atmos{background:#0d8a6a;color:#fff}
        .badge.resolution{background:#b26a00;color:#fff}.muted{color:#6b7380}.error{color:#b00020}
        .alert{background:#fff4e5;border:1px solid #e0a84f;border-left:4px solid #b26a00;border-radius:6px;padding:.7rem 1rem;margin:0 0 1rem}
        button{padding:.4rem 1rem;border:0;border-radius:4px;cursor:pointer}button.approve{background:#0d8a6a;color:#fff}
        button.skip{background:#dfe3e8}form.inline{display:inline}pre{background:#fff;padding:1rem;overflow:auto;border:1px solid #e3e6ea}
        textarea{width:100%;min-height:14rem;font-family:monospace}
        header form.logout{margin-left:auto}header form.logout button{background:#3a4457;color:#fff}
        """
}

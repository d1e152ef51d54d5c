import Foundation
import Testing

@testable import Telegram

/// The pure builders: escaping, content, the 4096 limit, callback data.
@Suite struct TelegramMessagesTests {
    static let messages = TelegramMessages(timeZone: TimeZone(identifier: "UTC")!)

    static let dune = ApprovalMessageContent(
        movieTitle: "Dune: Part Two", year: 2024,
        releaseName: "Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-GRP",
        currentLabel: "2160p HDR10 · TrueHD 7.1", newLabel: "2160p DV P7 FEL · TrueHD Atmos 7.1",
        gains: ["Dolby Vision P7 FEL", "Atmos"], reason: "Upgrades HDR10 to Dolby Vision Profile 7 FEL.",
        sizeBytes: 78_222_091_878, targetFolder: "/data/movies/Dune Part Two (2024)",
        expiresAt: Date(timeIntervalSince1970: 1_795_639_267)
    )

    /// Visible text as Telegram counts it: tags removed, entities decoded. Records an issue for a
    /// tag Telegram does not support or an unbalanced one.
    static func visibleText(_ html: String) -> String {
        var visible = ""
        var open: [String] = []
        var rest = html[...]
        while let start = rest.firstIndex(of: "<") {
            visible += rest[..<start]
            guard let end = rest[start...].firstIndex(of: ">") else {
                Issue.record("unclosed tag in \(html)")
                return visible
            }
            let tag = rest[rest.index(after: start)..<end]
            if tag.hasPrefix("/") {
                #expect(open.popLast() == String(tag.dropFirst()), "unbalanced \(tag) in \(html)")
            } else {
                #expect(["b", "i", "code"].contains(String(tag)), "unsupported tag <\(tag)>")
                open.append(String(tag))
            }
            rest = rest[rest.index(after: end)...]
        }
        #expect(open.isEmpty, "unclosed \(open)")
        visible += rest
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            visible = visible.replacingOccurrences(of: entity, with: character)
        }
        return visible
    }

    @Test func escapesHTML() {
        #expect(TelegramHTML.escape("Tom & Jerry <3 \"quoted\"") == "Tom &amp; Jerry &lt;3 &quot;quoted&quot;")
        #expect(TelegramHTML.escape("&lt;") == "&amp;lt;")
        #expect(TelegramHTML.escape("plain") == "plain")
    }

    @Test func approvalRequestShowsCurrentVersusNew() {
        let text = Self.messages.approvalRequest(Self.dune)
        #expect(
            text == """
                🎬 <b>Dune: Part Two</b> (2024)
                Upgrade: <b>Dolby Vision P7 FEL</b>, <b>Atmos</b>

                Now: 2160p HDR10 · TrueHD 7.1
                New: <b>2160p DV P7 FEL · TrueHD Atmos 7.1</b>
                <i>Upgrades HDR10 to Dolby Vision Profile 7 FEL.</i>

                <code>Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-GRP</code>
                Size: 72.85 GB
                Folder: <code>/data/movies/Dune Part Two (2024)</code>
                <i>Expires 2026-11-25 20:41 UTC</i>
                """)
        _ = Self.visibleText(text)
    }

    @Test func dynamicTextIsEscaped() {
        var content = Self.dune
        content.movieTitle = "Fast & Furious <Extended>"
        content.releaseName = "Fast.&.Furious.<script>.2160p"
        content.currentLabel = nil
        content.reason = "a < b & c > d"
        content.targetFolder = "/movies/Fast & Furious"
        let text = Self.messages.approvalRequest(content)
        #expect(text.contains("<b>Fast &amp; Furious &lt;Extended&gt;</b> (2024)"))
        #expect(text.contains("<code>Fast.&amp;.Furious.&lt;script&gt;.2160p</code>"))
        #expect(text.contains("Now: <i>not in the library</i>"))
        #expect(!text.contains("<Extended>") && !text.contains("<script>"))
        #expect(Self.visibleText(text).contains("Fast & Furious <Extended>"))
    }

    @Test func outcomesAndNotices() {
        let approved = Self.messages.approvalOutcome(Self.dune, .approved)
        #expect(approved.hasSuffix("\n✅ <b>Approved</b>: downloading."))
        #expect(!approved.contains("Expires"))
        #expect(Self.messages.approvalOutcome(Self.dune, .skipped).hasSuffix("⏭ <b>Skipped</b>."))
        #expect(
            Self.messages.approvalOutcome(Self.dune, .expired).hasSuffix("⌛ <b>Expired</b>: nothing was downloaded."))
        let refused = Self.messages.approvalOutcome(Self.dune, .refused("Already <skipped> & done."))
        #expect(refused.hasSuffix("⚠️ <b>Not done</b>: Already &lt;skipped&gt; &amp; done."))

        let notice = DownloadNoticeContent(
            movieTitle: "Heat", year: 1995, releaseName: "Heat.1995.2160p", sizeBytes: 1_471_026_299,
            targetFolder: "/movies/Heat (1995)"
        )
        #expect(
            Self.messages.downloadStarted(notice) == """
                ⬇️ <b>Download started</b>
                <b>Heat</b> (1995)
                <code>Heat.1995.2160p</code>
                Size: 1.37 GB
                Folder: <code>/movies/Heat (1995)</code>
                """)
        #expect(Self.messages.downloadCompleted(notice).hasPrefix("✅ <b>Download complete</b>\n<b>Heat</b> (1995)"))
        #expect(
            Self.messages.downloadFailed(notice, error: "qBittorrent: 415 <bad>").hasSuffix(
                "\nError: <i>qBittorrent: 415 &lt;bad&gt;</i>"))
        let expired = Self.messages.requestExpired(notice)
        #expect(expired.hasPrefix("⌛ <b>Request expired</b>: nothing was downloaded.") && !expired.contains("Folder"))
        for text in [approved, refused, Self.messages.downloadFailed(notice, error: "x")] { _ = Self.visibleText(text) }
    }

    @Test func longFieldsStayUnderTheLimit() {
        let huge = String(repeating: "&<Ab> ", count: 2_000)
        let content = ApprovalMessageContent(
            movieTitle: huge, year: 2024, releaseName: huge, currentLabel: huge, newLabel: huge,
            gains: Array(repeating: huge, count: 50), reason: huge, sizeBytes: 1, targetFolder: huge,
            expiresAt: Date(timeIntervalSince1970: 0)
        )
        let notice = DownloadNoticeContent(movieTitle: huge, year: nil, releaseName: huge, targetFolder: huge)
        let texts = [
            Self.messages.approvalRequest(content), Self.messages.approvalOutcome(content, .refused(huge)),
            Self.messages.downloadFailed(notice, error: huge), Self.messages.downloadStarted(notice),
        ]
        for text in texts {
            let visible = Self.visibleText(text)
            #expect(visible.utf16.count <= TelegramMessages.maxLength, "\(visible.utf16.count) characters")
            #expect(visible.contains("…"))
        }
    }

    @Test func callbackDataRoundTripsAndRejectsStrangers() {
        let id = "6F9619FF-8B86-D011-B42D-00CF4FC964FF"
        #expect(CallbackAction.parse(CallbackAction.approve(requestID: id).data) == .approve(requestID: id))
        #expect(CallbackAction.parse("skip:\(id)") == .skip(requestID: id))
        #expect(CallbackAction.parse("skip:\(id)")?.requestID == id)
        for data in [
            "", "dl", "dl:", "skip:", "go:abc", "dl:a b", "dl:ä", "DL:abc", "dl:" + String(repeating: "a", count: 62),
        ] {
            #expect(CallbackAction.parse(data) == nil, "\(data)")
        }
        let buttons = TelegramMessages.approvalButtons(requestID: id)
        #expect(buttons.count == 1 && buttons[0].count == 2)
        #expect(buttons[0].map(\.action) == [.callback("dl:\(id)"), .callback("skip:\(id)")])
        #expect(buttons.joined().allSatisfy { $0.problem == nil })
    }
}

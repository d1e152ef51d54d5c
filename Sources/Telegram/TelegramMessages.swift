import Foundation

/// Builds every text Upshift sends to Telegram, as `parse_mode: HTML` with all dynamic text escaped.
///
/// Pure: no I/O, no clock (dates are rendered in ``timeZone``). Each field is cut to a fixed length
/// before escaping, so a message stays well under Telegram's 4096-character limit however long a
/// title, release name, reason or error is.
public struct TelegramMessages: Sendable {
    /// The most visible characters Telegram accepts in one message.
    public static let maxLength = 4096

    /// Longest rendering of each field, in characters (with `…` when cut).
    enum Limit {
        static let title = 200
        static let releaseName = 300
        static let label = 150
        static let gain = 80
        static let gainCount = 8
        static let reason = 800
        static let folder = 300
        static let error = 1000
    }

    /// Where expiry times are shown.
    public var timeZone: TimeZone

    /// Builders rendering times in `timeZone` (the host's by default).
    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    // MARK: - Approval request

    /// The question: movie, current vs new quality, gains, reason, release, size, folder, expiry.
    public func approvalRequest(_ content: ApprovalMessageContent) -> String {
        var lines = approvalBody(content)
        if let expiresAt = content.expiresAt {
            lines.append("<i>Expires \(TelegramText.escaped(timestamp(expiresAt), max: 64))</i>")
        }
        return lines.joined(separator: "\n")
    }

    /// The Download / Skip keyboard for a request (`dl:<id>` / `skip:<id>`).
    public static func approvalButtons(requestID: String) -> [[InlineButton]] {
        [
            [
                InlineButton(text: "⬇️ Download", callback: .approve(requestID: requestID)),
                InlineButton(text: "Skip", callback: .skip(requestID: requestID)),
            ]
        ]
    }

    /// The request's message once answered: the same body and a status line instead of the expiry.
    public func approvalOutcome(_ content: ApprovalMessageContent, _ outcome: ApprovalMessageOutcome) -> String {
        let status: String
        switch outcome {
        case .approved: status = "✅ <b>Approved</b>: downloading."
        case .skipped: status = "⏭ <b>Skipped</b>."
        case .expired: status = "⌛ <b>Expired</b>: nothing was downloaded."
        case .refused(let why): status = "⚠️ <b>Not done</b>: \(TelegramText.escaped(why, max: Limit.reason))"
        }
        return (approvalBody(content) + [status]).joined(separator: "\n")
    }

    // MARK: - Notices

    /// The torrent was added to qBittorrent.
    public func downloadStarted(_ content: DownloadNoticeContent) -> String {
        notice("⬇️ <b>Download started</b>", content)
    }

    /// qBittorrent finished the download.
    public func downloadCompleted(_ content: DownloadNoticeContent) -> String {
        notice("✅ <b>Download complete</b>", content)
    }

    /// The download failed, with the error as plain text.
    public func downloadFailed(_ content: DownloadNoticeContent, error: String) -> String {
        notice("❌ <b>Download failed</b>", content) + "\nError: <i>\(TelegramText.escaped(error, max: Limit.error))</i>"
    }

    /// A request expired without an answer.
    public func requestExpired(_ content: DownloadNoticeContent) -> String {
        notice("⌛ <b>Request expired</b>: nothing was downloaded.", content, showFolder: false)
    }

    // MARK: - Pieces

    private func approvalBody(_ content: ApprovalMessageContent) -> [String] {
        var lines = ["🎬 " + heading(content.movieTitle, content.year)]
        let gains = content.gains.prefix(Limit.gainCount).map { "<b>\(TelegramText.escaped($0, max: Limit.gain))</b>" }
        if !gains.isEmpty { lines.append("Upgrade: " + gains.joined(separator: ", ")) }
        lines.append("")
        let current =
            content.currentLabel.map { TelegramText.escaped($0, max: Limit.label) } ?? "<i>not in the library</i>"
        lines.append("Now: \(current)")
        lines.append("New: <b>\(TelegramText.escaped(content.newLabel, max: Limit.label))</b>")
        if !content.reason.isEmpty { lines.append("<i>\(TelegramText.escaped(content.reason, max: Limit.reason))</i>") }
        lines.append("")
        lines.append("<code>\(TelegramText.escaped(content.releaseName, max: Limit.releaseName))</code>")
        if let size = content.sizeBytes { lines.append("Size: \(TelegramText.size(size))") }
        if let folder = content.targetFolder, !folder.isEmpty {
            lines.append("Folder: <code>\(TelegramText.escaped(folder, max: Limit.folder))</code>")
        }
        return lines
    }

    private func notice(_ headline: String, _ content: DownloadNoticeContent, showFolder: Bool = true) -> String {
        var lines = [headline, heading(content.movieTitle, content.year)]
        lines.append("<code>\(TelegramText.escaped(content.releaseName, max: Limit.releaseName))</code>")
        if let size = content.sizeBytes { lines.append("Size: \(TelegramText.size(size))") }
        if showFolder, let folder = content.targetFolder, !folder.isEmpty {
            lines.append("Folder: <code>\(TelegramText.escaped(folder, max: Limit.folder))</code>")
        }
        return lines.joined(separator: "\n")
    }

    /// `<b>Title</b> (2024)`.
    private func heading(_ title: String, _ year: Int?) -> String {
        "<b>\(TelegramText.escaped(title, max: Limit.title))</b>" + (year.map { " (\($0))" } ?? "")
    }

    /// `2026-11-25 20:41 UTC` in ``timeZone``.
    func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let zone =
            timeZone.secondsFromGMT(for: date) == 0 ? "UTC" : (timeZone.abbreviation(for: date) ?? timeZone.identifier)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(day) \(time) \(zone)"
    }
}

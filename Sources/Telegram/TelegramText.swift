import Foundation

/// Small text helpers for ``TelegramMessages``.
enum TelegramText {
    /// `text` cut to `max` characters (the last one replaced by `…`), then HTML-escaped. Cutting
    /// before escaping never splits an entity.
    static func escaped(_ text: String, max: Int) -> String {
        TelegramHTML.escape(truncated(text, max: max))
    }

    /// `text` cut to `max` characters, ending in `…` when cut; newlines become spaces.
    static func truncated(_ text: String, max: Int) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard flat.count > max else { return flat }
        return String(flat.prefix(Swift.max(max - 1, 0))) + "…"
    }

    /// `72.85 GB`, in binary units as the trackers count.
    static func size(_ bytes: Int64) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        guard value >= 1024 else { return "\(bytes) B" }
        var index = -1
        while value >= 1024, index < units.count - 1 {
            value /= 1024
            index += 1
        }
        return String(format: "%.2f", value) + " " + units[index]
    }
}

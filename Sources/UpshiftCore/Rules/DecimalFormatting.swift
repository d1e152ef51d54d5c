/// Number formatting for human sentences, without Foundation.
enum DecimalFormatting {
    /// The value rounded to one decimal (half away from zero), always with that decimal: `92.4`, `80.0`.
    ///
    /// Values that are not finite or too large for exact tenths fall back to Swift's own description.
    static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        // `Int64(_:)` truncates, so adding one half rounds half away from zero. Not `rounded()`: on Linux it
        // calls libm, which an executable linking only the standard library does not link.
        let tenths = Int64(abs(value) * 10 + 0.5)
        let sign = value < 0 && tenths != 0 ? "-" : ""
        return "\(sign)\(tenths / 10).\(tenths % 10)"
    }

    /// Like ``oneDecimal(_:)`` but without a trailing `.0`: `80`, `80.5`. Used for limits the owner typed.
    static func compact(_ value: Double) -> String {
        let text = oneDecimal(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A byte count in decimal gigabytes (1 GB = 1,000,000,000 bytes) with one decimal, e.g. `92.4 GB`.
    static func gigabytes(_ bytes: Int64) -> String {
        "\(oneDecimal(Double(bytes) / UpgradeRules.bytesPerGigabyte)) GB"
    }
}

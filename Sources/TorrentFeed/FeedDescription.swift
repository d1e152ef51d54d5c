import Foundation

/// Reads size and category from an IPTorrents `<description>`, in its two known forms:
/// `556 MB; TV/x264` (current) and `Category: TV/x264 Size: 1.37 GB` (older).
enum FeedDescription {
    /// Bytes per unit; the tracker's KB/MB/GB/TB are binary (1 GB = 1024³ bytes), as in Sonarr and Radarr.
    private static let units: [String: Double] = [
        "B": 1, "BYTES": 1,
        "KB": 1024, "KIB": 1024,
        "MB": 1_048_576, "MIB": 1_048_576,
        "GB": 1_073_741_824, "GIB": 1_073_741_824,
        "TB": 1_099_511_627_776, "TIB": 1_099_511_627_776,
    ]

    /// The size and category name stated in `text`, each `nil` when absent.
    static func parse(_ text: String) -> (sizeBytes: Int64?, category: String?) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let categoryRange = text.range(of: "Category:", options: .caseInsensitive) {
            let afterCategory = text[categoryRange.upperBound...]
            let sizeRange = afterCategory.range(of: "Size:", options: .caseInsensitive)
            let category = afterCategory[..<(sizeRange?.lowerBound ?? afterCategory.endIndex)]
                .trimmingCharacters(in: .whitespaces)
            let size = sizeRange.flatMap { bytes(in: afterCategory[$0.upperBound...]) }
            return (size, category.isEmpty ? nil : category)
        }
        let parts = text.split(separator: ";", maxSplits: 1)
        guard let first = parts.first, let size = bytes(in: first) else { return (nil, nil) }
        let category = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        return (size, category.isEmpty ? nil : category)
    }

    /// `1.37 GB` → 1471026299 (rounded); the first number-and-unit pair in `text`, `nil` if none.
    static func bytes(in text: Substring) -> Int64? {
        let words = text.split(whereSeparator: \.isWhitespace)
        for (index, word) in words.enumerated() {
            var number = word.filter { $0 != "," }
            var unit = index + 1 < words.count ? words[index + 1].uppercased() : ""
            // "1.37GB" written without a space.
            if let split = number.firstIndex(where: \.isLetter) {
                unit = number[split...].uppercased()
                number = String(number[..<split])
            }
            unit = unit.trimmingCharacters(in: .punctuationCharacters)
            guard let value = Double(number), value >= 0, let factor = units[unit] else { continue }
            let bytes = (value * factor).rounded()
            return bytes < 9.2e18 ? Int64(bytes) : nil
        }
        return nil
    }
}

import Foundation

/// Publication dates as feeds write them: RFC 822/1123 (`Tue, 24 Nov 2026 20:41:07 +0000`), with or
/// without the weekday or seconds, two- or four-digit years, numeric or named zones; ISO 8601 as a
/// fallback. Parsed by hand: no `DateFormatter` (neither `Sendable` nor cheap).
enum FeedDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// RFC 822 zone names, in hours from UTC.
    private static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7,
    ]

    /// The date in `text`, or `nil` when no supported form matches.
    static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return rfc822(text) ?? (try? Date(text, strategy: .iso8601))
    }

    private static func rfc822(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace)
        if let first = words.first, first.allSatisfy(\.isLetter), month(first) == nil { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), let month = month(words[1]), var year = Int(words[2])
        else { return nil }
        if words[2].count <= 2 { year += year < 50 ? 2000 : 1900 }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, !clock.contains(nil) else { return nil }
        let hour = clock[0]!
        let minute = clock[1]!
        let second = clock.count == 3 ? clock[2]! : 0
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        guard let offset = words.count > 4 ? zoneOffset(words[4]) : 0 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// 1…12 for an English month name or abbreviation.
    private static func month(_ word: Substring) -> Int? {
        guard word.count >= 3 else { return nil }
        return months.firstIndex(of: word.prefix(3).lowercased()).map { $0 + 1 }
    }

    /// Seconds east of UTC for `+0100`, `-0500`, `+01:00` or a zone name; `nil` when unreadable.
    private static func zoneOffset(_ word: Substring) -> Int? {
        if let hours = zones[word.uppercased()] { return hours * 3_600 }
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, let value = Int(digits) else { return nil }
        let seconds = (value / 100) * 3_600 + (value % 100) * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Names of the standard Newznab/Torznab movie categories, for feeds that give only the ids.
enum NewznabCategory {
    /// Standard id → name (the Torznab specification's movie range).
    static let names: [Int: String] = [
        2000: "Movies", 2010: "Movies/Foreign", 2020: "Movies/Other", 2030: "Movies/SD", 2040: "Movies/HD",
        2045: "Movies/UHD", 2050: "Movies/BluRay", 2060: "Movies/3D", 2070: "Movies/DVD", 2080: "Movies/WEB-DL",
        5000: "TV", 5040: "TV/HD", 5045: "TV/UHD",
    ]

    /// The most specific named category among `ids` (a sub-category beats its parent), else the
    /// first id as text; `nil` when there is none.
    static func name(for ids: [String]) -> String? {
        let numbers = ids.compactMap { Int($0) }
        let known = numbers.filter { names[$0] != nil }
        if let best = known.max(by: { ($0 % 1000 == 0 ? 0 : 1, $0) < ($1 % 1000 == 0 ? 0 : 1, $1) }) {
            return names[best]
        }
        return ids.first
    }
}

import Foundation

/// Counters for `/metrics` (Prometheus text format): polls, items, decisions by kind, approvals,
/// downloads, errors. Kept in memory; they restart at zero with the process, as Prometheus expects.
public actor Metrics {
    /// A counter's name and labels.
    struct Key: Hashable, Comparable {
        var name: String
        var labels: [String: String]

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.name, lhs.labelText) < (rhs.name, rhs.labelText)
        }

        var labelText: String {
            guard !labels.isEmpty else { return "" }
            let pairs = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Metrics.escape($0.value))\"" }
            return "{" + pairs.joined(separator: ",") + "}"
        }
    }

    /// Help text of every counter, which also fixes the set of names.
    static let help: [String: String] = [
        "upshift_feed_polls_total": "Feed polls, by result (ok or error).",
        "upshift_feed_items_total": "Feed items judged for the first time.",
        "upshift_decisions_total": "Decisions by kind.",
        "upshift_requests_total": "Approval requests created.",
        "upshift_approvals_total": "Answers to approval requests, by answer and channel.",
        "upshift_downloads_total": "Downloads by outcome (started, completed, error).",
        "upshift_errors_total": "Errors by component.",
        "upshift_library_scans_total": "Library scans, by result (ok, error, degraded).",
        "upshift_library_probes_total": "Library files probed for their Dolby Vision layer, by result (read, cached, unreadable).",
    ]

    private var counters: [Key: Int] = [:]
    private var gauges: [String: Double] = [:]

    /// Empty counters.
    public init() {}

    /// Adds `amount` to a counter.
    public func increment(_ name: String, _ labels: [String: String] = [:], by amount: Int = 1) {
        counters[Key(name: name, labels: labels), default: 0] += amount
    }

    /// Sets a gauge (e.g. `upshift_library_movies`).
    public func set(_ name: String, _ value: Double) {
        gauges[name] = value
    }

    /// A counter's value (for tests).
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Int {
        counters[Key(name: name, labels: labels)] ?? 0
    }

    /// The Prometheus text exposition.
    public func text() -> String {
        var lines: [String] = []
        let byName = Dictionary(grouping: counters.keys, by: \.name)
        for name in Set(Self.help.keys).union(byName.keys).sorted() {
            lines.append("# HELP \(name) \(Self.help[name] ?? name)")
            lines.append("# TYPE \(name) counter")
            for key in (byName[name] ?? []).sorted() {
                lines.append("\(name)\(key.labelText) \(counters[key] ?? 0)")
            }
        }
        for (name, value) in gauges.sorted(by: { $0.key < $1.key }) {
            lines.append("# TYPE \(name) gauge")
            lines.append("\(name) \(value.rounded() == value ? String(Int(value)) : String(value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// What is wrong right now, per component, for `/api/health` and the web UI: a library scan that
/// was refused as degraded, a qBittorrent that refused the login. Each entry is one sentence for
/// the owner, free of secrets; a component clears its entry once it is well again.
public actor HealthBoard {
    private var problems: [String: String] = [:]

    /// An empty board.
    public init() {}

    /// Records (or, with `nil`, clears) the problem of a component (`library`, `qbittorrent`, …).
    public func report(_ component: String, _ problem: String?) {
        problems[component] = problem
    }

    /// The problem of one component, if any.
    public func problem(_ component: String) -> String? { problems[component] }

    /// Every current problem, by component name.
    public var all: [(component: String, problem: String)] {
        problems.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// The outcome of judging one release against the copy already owned (SPEC §5).
public struct Decision: Sendable, Hashable {
    /// True when the owner should be asked (or, with ``autoApprove``, the download started).
    public var notify: Bool
    /// The strongest rule that fired, or why the release was skipped.
    public var kind: DecisionKind
    /// One human sentence.
    public var reason: String
    /// Every gain that holds, e.g. `P5 → P7 FEL`, `+ Atmos`, `1080p → 2160p`.
    public var gains: [String]
    /// True when `notify` holds and `kind` is listed in `auto_approve`: no question is asked.
    public var autoApprove: Bool

    /// Creates a decision.
    public init(notify: Bool, kind: DecisionKind, reason: String, gains: [String], autoApprove: Bool = false) {
        self.notify = notify
        self.kind = kind
        self.reason = reason
        self.gains = gains
        self.autoApprove = autoApprove
    }
}

/// The decision kinds of SPEC §5. Notifying kinds are ordered strongest first.
public enum DecisionKind: String, Sendable, Hashable, CaseIterable {
    case fel, dv, atmos, resolution
    case duplicate
    case notInLibrary = "not_in_library"
    case notAMovie = "not_a_movie"
    case downgrade, filtered, none

    /// True for the kinds that notify (`fel`, `dv`, `atmos`, `resolution`).
    public var isUpgrade: Bool {
        switch self {
        case .fel, .dv, .atmos, .resolution: true
        default: false
        }
    }
}

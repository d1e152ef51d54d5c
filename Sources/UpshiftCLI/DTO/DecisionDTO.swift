import UpshiftCore

/// The line `upshift check` prints (SPEC §5): `{"notify", "kind", "reason", "gains"}` in that order.
struct DecisionDTO: Encodable, Sendable {
    /// True when the owner is asked.
    var notify: Bool
    /// The decision kind's name, e.g. `fel` or `not_in_library`.
    var kind: String
    /// One human sentence.
    var reason: String
    /// Every gain that holds.
    var gains: [String]

    /// The wire keys, in wire order.
    enum CodingKeys: String, CodingKey, CaseIterable {
        /// The four keys.
        case notify, kind, reason, gains
    }

    /// The wire form of a decision; `autoApprove` is not part of it.
    init(_ decision: Decision) {
        notify = decision.notify
        kind = decision.kind.rawValue
        reason = decision.reason
        gains = decision.gains
    }

    /// Writes the four keys in order.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notify, forKey: .notify)
        try container.encode(kind, forKey: .kind)
        try container.encode(reason, forKey: .reason)
        try container.encode(gains, forKey: .gains)
    }
}

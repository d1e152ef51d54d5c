import UpshiftCore

/// The line `upshift check` prints (SPEC §5): `{"notify", "kind", "reason", "gains"}` in that order.
struct DecisionDTO: Encodable, Sendable {
    var notify: Bool
    var kind: String
    var reason: String
    var gains: [String]

    /// The wire keys, in wire order.
    enum CodingKeys: String, CodingKey, CaseIterable {
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

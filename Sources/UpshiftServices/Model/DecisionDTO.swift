import UpshiftCore

/// A decision as SPEC §5 writes it: `{"notify", "kind", "reason", "gains"}` in that order. The one wire
/// form of a decision: `upshift check`, `upshift feed --once` and the API's releases all use it.
public struct DecisionDTO: Encodable, Sendable {
    /// True when the owner is asked.
    public var notify: Bool
    /// The decision kind's name, e.g. `fel` or `not_in_library`.
    public var kind: String
    /// One human sentence.
    public var reason: String
    /// Every gain that holds.
    public var gains: [String]

    /// The wire keys, in wire order.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        /// The four keys.
        case notify, kind, reason, gains
    }

    /// The wire form of a decision; `autoApprove` is not part of it.
    public init(_ decision: Decision) {
        notify = decision.notify
        kind = decision.kind.rawValue
        reason = decision.reason
        gains = decision.gains
    }

    /// Writes the four keys in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(notify, forKey: .notify)
        try container.encode(kind, forKey: .kind)
        try container.encode(reason, forKey: .reason)
        try container.encode(gains, forKey: .gains)
    }
}

/// The Dolby Vision rank used wherever "better DV" is asked (SPEC §2):
/// none 0 < P5 or DV of unknown profile 1 < P8 = P7 with unknown or MEL layer 2 < P7 FEL 3.
///
/// Profile numbers are not an order: P8 is not better than P7 FEL, and an unknown profile is
/// never assumed to be a good one.
public enum DolbyVisionRank: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// No Dolby Vision.
    case none = 0
    /// Profile 5, or Dolby Vision of unknown profile.
    case basic = 1
    /// Profile 8, or profile 7 whose layer is MEL or not known.
    case standard = 2
    /// Profile 7 with a full enhancement layer.
    case fel = 3

    /// The rank of a copy.
    @inline(__always)
    public init(_ quality: Quality) {
        guard quality.dv else {
            self = .none
            return
        }
        switch quality.dvProfile {
        case .none, .p5: self = .basic
        case .p8: self = .standard
        case .p7: self = quality.dvLayer == .fel ? .fel : .standard
        }
    }

    public static func < (lhs: DolbyVisionRank, rhs: DolbyVisionRank) -> Bool { lhs.rawValue < rhs.rawValue }
}

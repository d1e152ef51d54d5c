import UpshiftCore

// MARK: - Qualities and releases built directly (no parser)

/// The dynamic range of a test copy, named as the rules label it.
enum DynamicRange: Sendable {
    case sdr, hdr10, hdr10Plus, hlg
    /// Dolby Vision of unknown profile.
    case dv
    case p5, p8
    /// Profile 7 with the layer not known.
    case p7
    case p7MEL, p7FEL
}

/// A quality with the given dynamic range; profile 7 and 8 copies carry an HDR10 base layer, as on disc.
func quality(
    _ range: DynamicRange, _ resolution: Resolution? = .r2160p, atmos: Bool = false, size: Int64? = nil
) -> Quality {
    var quality = Quality(resolution: resolution, atmos: atmos, sizeBytes: size)
    switch range {
    case .sdr: break
    case .hdr10: quality.hdr10 = true
    case .hdr10Plus: quality.hdr10Plus = true
    case .hlg: quality.hlg = true
    case .dv: quality.dv = true
    case .p5: (quality.dv, quality.dvProfile) = (true, .p5)
    case .p8: (quality.dv, quality.dvProfile, quality.hdr10) = (true, .p8, true)
    case .p7: (quality.dv, quality.dvProfile, quality.hdr10) = (true, .p7, true)
    case .p7MEL: (quality.dv, quality.dvProfile, quality.dvLayer, quality.hdr10) = (true, .p7, .mel, true)
    case .p7FEL: (quality.dv, quality.dvProfile, quality.dvLayer, quality.hdr10) = (true, .p7, .fel, true)
    }
    return quality
}

/// A movie release of the given quality.
func movie(
    _ range: DynamicRange, _ resolution: Resolution? = .r2160p, atmos: Bool = false, size: Int64? = nil
) -> ParsedRelease {
    ParsedRelease(
        name: "Test.Movie.2020", kind: .movie, title: "Test Movie", year: 2020,
        quality: quality(range, resolution, atmos: atmos, size: size), group: "GRP")
}

/// A TV episode release of the given quality.
func episode(_ range: DynamicRange, _ resolution: Resolution? = .r2160p, atmos: Bool = false) -> ParsedRelease {
    ParsedRelease(
        name: "Test.Show.S01E01", kind: .episode, title: "Test Show", year: nil,
        quality: quality(range, resolution, atmos: atmos), group: "GRP")
}

/// The default settings with some changes.
func settings(_ edit: (inout RuleSettings) -> Void = { _ in }) -> RuleSettings {
    var settings = RuleSettings()
    edit(&settings)
    return settings
}

/// Every rule switched on as far as it goes: Atmos for any non-duplicate, lower resolutions allowed,
/// movies outside the library judged.
let permissive = settings {
    $0.notifyFEL = true
    $0.notifyFELFromP5 = true
    $0.notifyFELFromHDR = true
    $0.notifyFELDuplicates = true
    $0.notifyDV = true
    $0.notifyDVFromHDR = true
    $0.notifyDVProfileUpgrades = true
    $0.notifyAtmos = true
    $0.notifyAtmosOnlyIfNoAtmos = false
    $0.notifyAtmosWithDVUpgrade = true
    $0.notifyResolution = true
    $0.notifyResolutionOnlyUpgrades = false
    $0.notifyOnlyLibraryMovies = false
}

/// Decimal gigabytes.
func gb(_ value: Double) -> Int64 { Int64(value * 1_000_000_000) }

// MARK: - Expected outcomes

/// The parts of a ``Decision`` a table row pins down (the reason is checked separately).
struct Outcome: Sendable, Equatable, CustomStringConvertible {
    var notify: Bool
    var kind: DecisionKind
    var gains: [String]
    var autoApprove: Bool

    /// A decision that asks the owner.
    static func notifies(_ kind: DecisionKind, _ gains: [String], autoApprove: Bool = false) -> Outcome {
        Outcome(notify: true, kind: kind, gains: gains, autoApprove: autoApprove)
    }

    /// A decision that skips the release.
    static func skipped(_ kind: DecisionKind, _ gains: [String] = []) -> Outcome {
        Outcome(notify: false, kind: kind, gains: gains, autoApprove: false)
    }

    init(notify: Bool, kind: DecisionKind, gains: [String], autoApprove: Bool) {
        self.notify = notify
        self.kind = kind
        self.gains = gains
        self.autoApprove = autoApprove
    }

    /// The outcome of an actual decision.
    init(_ decision: Decision) {
        self.init(
            notify: decision.notify, kind: decision.kind, gains: decision.gains, autoApprove: decision.autoApprove)
    }

    var description: String {
        "notify=\(notify) kind=\(kind.rawValue) gains=\(gains) autoApprove=\(autoApprove)"
    }
}

/// One rule of SPEC §5 that can fire for a release.
enum UpgradeRule: Sendable, Hashable {
    /// `notify_fel`: a P7 FEL release over a copy that is not FEL.
    case fel
    /// `notify_fel_duplicates`: a P7 FEL release over a copy that is already FEL.
    case felDuplicate
    /// `notify_dv`: a release of higher Dolby Vision rank.
    case dv
    /// `notify_atmos`: an Atmos release.
    case atmos
    /// `notify_atmos_with_dv_upgrade`: a DV-rank upgrade that also adds Atmos, as one combined upgrade.
    case atmosWithDVUpgrade
    /// `notify_resolution`: a release of higher resolution.
    case resolution
}

/// A key that stops a gain from notifying, with the words a reason uses for it.
struct RuleBlocker: Sendable, Hashable {
    /// What the key switches, in the plural: `FEL upgrades`, `Atmos upgrades`.
    var upgrades: String
    /// The `settings.json` key.
    var key: String
}

/// The facts of one release compared with one copy, before any setting is read.
///
/// Every gain and loss is worked out here once, so the rules, the gains list and the reason all
/// agree on them.
struct UpgradeAssessment: Sendable {
    /// The release's quality.
    let release: Quality
    /// The copy held, or an empty ``Quality`` for a movie not in the library.
    let current: Quality
    /// False when ``current`` stands in for a movie that is not in the library.
    let inLibrary: Bool

    /// The release has a higher Dolby Vision rank (which implies it has DV).
    let gainsDVRank: Bool
    /// The release has Atmos and the copy held does not.
    let gainsAtmos: Bool
    /// Both resolutions are known and the release's is higher.
    let gainsResolution: Bool
    /// The release has a lower Dolby Vision rank.
    let losesDVRank: Bool
    /// The copy held has Atmos and the release does not.
    let losesAtmos: Bool
    /// Both resolutions are known and the release's is lower.
    let losesResolution: Bool
    /// Both the release and the copy held are P7 FEL.
    let bothFEL: Bool
    /// Same DV rank, layer, Atmos and resolution (an unknown resolution equals only an unknown one).
    let isDuplicate: Bool

    /// Compares `release` with `current`.
    init(release: Quality, current: Quality, inLibrary: Bool) {
        self.release = release
        self.current = current
        self.inLibrary = inLibrary
        let releaseRank = release.dvRank
        let currentRank = current.dvRank
        gainsDVRank = releaseRank > currentRank
        losesDVRank = releaseRank < currentRank
        gainsAtmos = release.atmos && !current.atmos
        losesAtmos = current.atmos && !release.atmos
        if let releaseResolution = release.resolution, let currentResolution = current.resolution {
            gainsResolution = releaseResolution > currentResolution
            losesResolution = releaseResolution < currentResolution
        } else {
            gainsResolution = false
            losesResolution = false
        }
        bothFEL = release.isFEL && current.isFEL
        isDuplicate =
            releaseRank == currentRank && release.dvLayer == current.dvLayer
            && release.atmos == current.atmos && release.resolution == current.resolution
    }

    // MARK: - Rules

    /// The enabled rules that fire, in the order of SPEC §5.
    func firedRules(_ settings: RuleSettings) -> [UpgradeRule] {
        var fired: [UpgradeRule] = []
        if release.isFEL {
            if current.isFEL {
                if settings.notifyFELDuplicates { fired.append(.felDuplicate) }
            } else if settings.notifyFEL, current.dv ? settings.notifyFELFromP5 : settings.notifyFELFromHDR {
                fired.append(.fel)
            }
        }
        if gainsDVRank, settings.notifyDV,
            current.dv ? settings.notifyDVProfileUpgrades : settings.notifyDVFromHDR
        {
            fired.append(.dv)
        }
        if settings.notifyAtmos, release.atmos, !current.atmos || !settings.notifyAtmosOnlyIfNoAtmos, !isDuplicate {
            fired.append(.atmos)
        }
        if settings.notifyAtmosWithDVUpgrade, gainsDVRank, gainsAtmos {
            fired.append(.atmosWithDVUpgrade)
        }
        if settings.notifyResolution, gainsResolution {
            fired.append(.resolution)
        }
        return fired
    }

    /// The decision kind a fired rule stands for. The combined DV + Atmos upgrade is `fel` for a
    /// P7 FEL release and `dv` otherwise.
    func kind(of rule: UpgradeRule) -> DecisionKind {
        switch rule {
        case .fel, .felDuplicate: .fel
        case .dv: .dv
        case .atmos: .atmos
        case .atmosWithDVUpgrade: release.isFEL ? .fel : .dv
        case .resolution: .resolution
        }
    }

    /// The strongest kind among the fired rules (`fel` > `dv` > `atmos` > `resolution`).
    func strongestKind(of fired: [UpgradeRule]) -> DecisionKind? {
        var strongest: DecisionKind?
        for rule in fired {
            let kind = kind(of: rule)
            if strongest.map({ Self.strength(kind) > Self.strength($0) }) ?? true { strongest = kind }
        }
        return strongest
    }

    /// `fel` > `dv` > `atmos` > `resolution`.
    private static func strength(_ kind: DecisionKind) -> Int {
        switch kind {
        case .fel: 4
        case .dv: 3
        case .atmos: 2
        case .resolution: 1
        default: 0
        }
    }

    // MARK: - Gains and losses

    /// Every gain that holds, in the order DV, Atmos, resolution. `additional FEL copy` is listed
    /// only when `notify_fel_duplicates` fired: it is a rule's label rather than a quality gain.
    func gains(felDuplicateFired: Bool) -> [String] {
        var gains: [String] = []
        if gainsDVRank {
            gains.append("\(current.dynamicRangeLabel) → \(release.dynamicRangeLabel)")
        } else if felDuplicateFired {
            gains.append("additional FEL copy")
        }
        if gainsAtmos { gains.append("+ Atmos") }
        if gainsResolution, let from = current.resolution, let to = release.resolution {
            gains.append("\(from.rawValue) → \(to.rawValue)")
        }
        return gains
    }

    /// The change of resolution, e.g. `2160p → 1080p`, when both are known and they differ.
    var resolutionChange: String? {
        guard let from = current.resolution, let to = release.resolution, from != to else { return nil }
        return "\(from.rawValue) → \(to.rawValue)"
    }

    /// What the release would lose, as noun phrases: `DV rank (P7 FEL → P8)`, `Atmos`,
    /// `resolution (2160p → 1080p)`.
    func losses(includingResolution: Bool = true) -> [String] {
        var losses: [String] = []
        if losesDVRank {
            let change = "\(current.dynamicRangeLabel) → \(release.dynamicRangeLabel)"
            losses.append(release.dv ? "DV rank (\(change))" : "Dolby Vision (\(change))")
        }
        if losesAtmos { losses.append("Atmos") }
        if includingResolution, losesResolution, let change = resolutionChange {
            losses.append("resolution (\(change))")
        }
        return losses
    }

    /// The switched-off keys that keep the gains of this release from notifying, each once, in the
    /// order DV (FEL path, DV path, combined DV + Atmos), Atmos, resolution.
    func blockers(_ settings: RuleSettings) -> [RuleBlocker] {
        var blockers: [RuleBlocker] = []
        func add(_ upgrades: String, _ key: String) {
            let blocker = RuleBlocker(upgrades: upgrades, key: key)
            if !blockers.contains(blocker) { blockers.append(blocker) }
        }
        if gainsDVRank {
            if release.isFEL {
                if !settings.notifyFEL {
                    add("FEL upgrades", "notify_fel")
                } else if current.dv, !settings.notifyFELFromP5 {
                    add("FEL upgrades over lower DV", "notify_fel_from_p5")
                } else if !current.dv, !settings.notifyFELFromHDR {
                    add("FEL upgrades over copies without DV", "notify_fel_from_hdr")
                }
            }
            if !settings.notifyDV {
                add("DV upgrades", "notify_dv")
            } else if current.dv, !settings.notifyDVProfileUpgrades {
                add("DV profile upgrades", "notify_dv_profile_upgrades")
            } else if !current.dv, !settings.notifyDVFromHDR {
                add("DV upgrades over copies without DV", "notify_dv_from_hdr")
            }
            if gainsAtmos, !settings.notifyAtmosWithDVUpgrade {
                add("combined DV + Atmos upgrades", "notify_atmos_with_dv_upgrade")
            }
        }
        if gainsAtmos, !settings.notifyAtmos { add("Atmos upgrades", "notify_atmos") }
        if gainsResolution, !settings.notifyResolution { add("resolution upgrades", "notify_resolution") }
        return blockers
    }
}

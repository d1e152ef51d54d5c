/// The rules of SPEC §5 that fired for a release, as a set.
struct FiredRules: OptionSet, Sendable {
    let rawValue: UInt8
    /// `notify_fel`: a P7 FEL release over a copy that is not FEL.
    static let fel = FiredRules(rawValue: 1 << 0)
    /// `notify_fel_duplicates`: a P7 FEL release over a copy that is already FEL.
    static let felDuplicate = FiredRules(rawValue: 1 << 1)
    /// `notify_dv`: a release of higher Dolby Vision rank.
    static let dv = FiredRules(rawValue: 1 << 2)
    /// `notify_atmos`: an Atmos release.
    static let atmos = FiredRules(rawValue: 1 << 3)
    /// `notify_atmos_with_dv_upgrade`: a DV-rank upgrade that also adds Atmos, as one combined upgrade.
    static let atmosWithDVUpgrade = FiredRules(rawValue: 1 << 4)
    /// `notify_resolution`: a release of higher resolution.
    static let resolution = FiredRules(rawValue: 1 << 5)
}

/// The switched-off keys that keep a release's gains from notifying, as a set; ``all`` lists them in the order
/// reasons name them.
struct RuleBlockers: OptionSet, Sendable {
    let rawValue: UInt16
    static let fel = RuleBlockers(rawValue: 1 << 0)
    static let felFromP5 = RuleBlockers(rawValue: 1 << 1)
    static let felFromHDR = RuleBlockers(rawValue: 1 << 2)
    static let dv = RuleBlockers(rawValue: 1 << 3)
    static let dvProfileUpgrades = RuleBlockers(rawValue: 1 << 4)
    static let dvFromHDR = RuleBlockers(rawValue: 1 << 5)
    static let atmosWithDVUpgrade = RuleBlockers(rawValue: 1 << 6)
    static let atmos = RuleBlockers(rawValue: 1 << 7)
    static let resolution = RuleBlockers(rawValue: 1 << 8)

    /// Every blocker, in order, with what it switches off (in the plural) and its `settings.json` key.
    static let all: [(blocker: RuleBlockers, upgrades: StaticString, key: StaticString)] = [
        (.fel, "FEL upgrades", "notify_fel"),
        (.felFromP5, "FEL upgrades over lower DV", "notify_fel_from_p5"),
        (.felFromHDR, "FEL upgrades over copies without DV", "notify_fel_from_hdr"),
        (.dv, "DV upgrades", "notify_dv"),
        (.dvProfileUpgrades, "DV profile upgrades", "notify_dv_profile_upgrades"),
        (.dvFromHDR, "DV upgrades over copies without DV", "notify_dv_from_hdr"),
        (.atmosWithDVUpgrade, "combined DV + Atmos upgrades", "notify_atmos_with_dv_upgrade"),
        (.atmos, "Atmos upgrades", "notify_atmos"),
        (.resolution, "resolution upgrades", "notify_resolution"),
    ]

    var count: Int { rawValue.nonzeroBitCount }
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

    /// The enabled rules that fire.
    func firedRules(_ settings: RuleSettings) -> FiredRules {
        var fired: FiredRules = []
        if release.isFEL {
            if current.isFEL {
                if settings.notifyFELDuplicates { fired.insert(.felDuplicate) }
            } else if settings.notifyFEL, current.dv ? settings.notifyFELFromP5 : settings.notifyFELFromHDR {
                fired.insert(.fel)
            }
        }
        if gainsDVRank, settings.notifyDV,
            current.dv ? settings.notifyDVProfileUpgrades : settings.notifyDVFromHDR
        {
            fired.insert(.dv)
        }
        if settings.notifyAtmos, release.atmos, !current.atmos || !settings.notifyAtmosOnlyIfNoAtmos, !isDuplicate {
            fired.insert(.atmos)
        }
        if settings.notifyAtmosWithDVUpgrade, gainsDVRank, gainsAtmos {
            fired.insert(.atmosWithDVUpgrade)
        }
        if settings.notifyResolution, gainsResolution {
            fired.insert(.resolution)
        }
        return fired
    }

    /// The strongest kind among the fired rules (`fel` > `dv` > `atmos` > `resolution`). The combined DV + Atmos
    /// upgrade is `fel` for a P7 FEL release and `dv` otherwise.
    func strongestKind(of fired: FiredRules) -> DecisionKind? {
        if fired.contains(.fel) || fired.contains(.felDuplicate) { return .fel }
        if fired.contains(.atmosWithDVUpgrade) { return release.isFEL ? .fel : .dv }
        if fired.contains(.dv) { return .dv }
        if fired.contains(.atmos) { return .atmos }
        if fired.contains(.resolution) { return .resolution }
        return nil
    }

    // MARK: - Gains and losses

    /// Every gain that holds, in the order DV, Atmos, resolution. `additional FEL copy` is listed
    /// only when `notify_fel_duplicates` fired: it is a rule's label rather than a quality gain.
    func gains(felDuplicateFired: Bool) -> [String] {
        let dvGain = gainsDVRank || felDuplicateFired
        let resolutionGain = gainsResolution && current.resolution != nil && release.resolution != nil
        let count = (dvGain ? 1 : 0) + (gainsAtmos ? 1 : 0) + (resolutionGain ? 1 : 0)
        guard count > 0 else { return [] }
        var gains: [String] = []
        gains.reserveCapacity(count)
        if gainsDVRank {
            gains.append(DynamicRangeKind.change(current.dynamicRange, release.dynamicRange))
        } else if felDuplicateFired {
            gains.append("additional FEL copy")
        }
        if gainsAtmos { gains.append("+ Atmos") }
        if resolutionGain, let from = current.resolution, let to = release.resolution {
            gains.append(Resolution.change(from, to))
        }
        return gains
    }

    /// The change of resolution, e.g. `2160p → 1080p`, when both are known and they differ.
    var resolutionChange: String? {
        guard let from = current.resolution, let to = release.resolution, from != to else { return nil }
        return Resolution.change(from, to)
    }

    /// What the release would lose, as noun phrases: `DV rank (P7 FEL → P8)`, `Atmos`,
    /// `resolution (2160p → 1080p)`; `count` of them, written with `write(_:_:)`.
    func lossCount(includingResolution: Bool = true) -> Int {
        (losesDVRank ? 1 : 0) + (losesAtmos ? 1 : 0) + (includingResolution && losesResolution ? 1 : 0)
    }

    /// Writes the losses of ``lossCount(includingResolution:)`` as a list (`a`, `a and b`, `a, b and c`).
    func writeLosses(_ writer: inout SentenceWriter, includingResolution: Bool = true) {
        let count = lossCount(includingResolution: includingResolution)
        var index = 0
        if losesDVRank {
            writer.append(release.dv ? "DV rank (" : "Dolby Vision (")
            writeDynamicRangeChange(&writer)
            writer.append(")")
            index += 1
        }
        if losesAtmos {
            writer.appendListSeparator(before: index, of: count)
            writer.append("Atmos")
            index += 1
        }
        // `losesResolution` holds only when both resolutions are known and differ.
        if includingResolution, losesResolution, let from = current.resolution, let to = release.resolution {
            writer.appendListSeparator(before: index, of: count)
            writer.append("resolution (")
            writeResolutionChange(&writer, from, to)
            writer.append(")")
        }
    }

    /// `current → release` dynamic range labels.
    func writeDynamicRangeChange(_ writer: inout SentenceWriter) {
        writer.append(current.dynamicRange.label)
        writer.append(" → ")
        writer.append(release.dynamicRange.label)
    }

    func writeResolutionChange(_ writer: inout SentenceWriter, _ from: Resolution, _ to: Resolution) {
        writer.append(from.label)
        writer.append(" → ")
        writer.append(to.label)
    }

    /// The switched-off keys that keep the gains of this release from notifying, in the order DV (FEL path, DV
    /// path, combined DV + Atmos), Atmos, resolution.
    func blockers(_ settings: RuleSettings) -> RuleBlockers {
        var blockers: RuleBlockers = []
        if gainsDVRank {
            if release.isFEL {
                if !settings.notifyFEL {
                    blockers.insert(.fel)
                } else if current.dv, !settings.notifyFELFromP5 {
                    blockers.insert(.felFromP5)
                } else if !current.dv, !settings.notifyFELFromHDR {
                    blockers.insert(.felFromHDR)
                }
            }
            if !settings.notifyDV {
                blockers.insert(.dv)
            } else if current.dv, !settings.notifyDVProfileUpgrades {
                blockers.insert(.dvProfileUpgrades)
            } else if !current.dv, !settings.notifyDVFromHDR {
                blockers.insert(.dvFromHDR)
            }
            if gainsAtmos, !settings.notifyAtmosWithDVUpgrade {
                blockers.insert(.atmosWithDVUpgrade)
            }
        }
        if gainsAtmos, !settings.notifyAtmos { blockers.insert(.atmos) }
        if gainsResolution, !settings.notifyResolution { blockers.insert(.resolution) }
        return blockers
    }
}

import Testing
import UpshiftCore

/// Every `settings.json` key the rules read, switched on and off on an input where that changes the outcome.
@Suite struct UpgradeRulesSettingsTests {
    /// The rule keys of ``RuleSettings``: every stored property except `notify_expire_hours`, which the
    /// approval workflow reads, not the rules (see ``expireHoursDoNotChangeDecisions(_:)``).
    enum Key: String, CaseIterable, Sendable {
        case notifyFEL = "notify_fel"
        case notifyFELFromP5 = "notify_fel_from_p5"
        case notifyFELFromHDR = "notify_fel_from_hdr"
        case notifyFELDuplicates = "notify_fel_duplicates"
        case notifyDV = "notify_dv"
        case notifyDVFromHDR = "notify_dv_from_hdr"
        case notifyDVProfileUpgrades = "notify_dv_profile_upgrades"
        case notifyAtmos = "notify_atmos"
        case notifyAtmosOnlyIfNoAtmos = "notify_atmos_only_if_no_atmos"
        case notifyAtmosWithDVUpgrade = "notify_atmos_with_dv_upgrade"
        case notifyResolution = "notify_resolution"
        case notifyResolutionOnlyUpgrades = "notify_resolution_only_upgrades"
        case notifyOnlyLibraryMovies = "notify_only_library_movies"
        case maxSizeGB = "max_size_gb"
        case minSeeders = "min_seeders"
        case autoApprove = "auto_approve"

        /// Switches the key on (`max_size_gb` 80, `min_seeders` 5, `auto_approve` [fel]) or off (0, 0, []).
        func set(_ on: Bool, in settings: inout RuleSettings) {
            switch self {
            case .notifyFEL: settings.notifyFEL = on
            case .notifyFELFromP5: settings.notifyFELFromP5 = on
            case .notifyFELFromHDR: settings.notifyFELFromHDR = on
            case .notifyFELDuplicates: settings.notifyFELDuplicates = on
            case .notifyDV: settings.notifyDV = on
            case .notifyDVFromHDR: settings.notifyDVFromHDR = on
            case .notifyDVProfileUpgrades: settings.notifyDVProfileUpgrades = on
            case .notifyAtmos: settings.notifyAtmos = on
            case .notifyAtmosOnlyIfNoAtmos: settings.notifyAtmosOnlyIfNoAtmos = on
            case .notifyAtmosWithDVUpgrade: settings.notifyAtmosWithDVUpgrade = on
            case .notifyResolution: settings.notifyResolution = on
            case .notifyResolutionOnlyUpgrades: settings.notifyResolutionOnlyUpgrades = on
            case .notifyOnlyLibraryMovies: settings.notifyOnlyLibraryMovies = on
            case .maxSizeGB: settings.maxSizeGB = on ? 80 : 0
            case .minSeeders: settings.minSeeders = on ? 5 : 0
            case .autoApprove: settings.autoApprove = on ? [.fel] : []
            }
        }
    }

    /// One key flipped on one input.
    struct Flip: Sendable, CustomTestStringConvertible {
        var key: Key
        var label: String
        var release: ParsedRelease
        var current: Quality?
        var seeders: Int? = nil
        /// The other settings.
        var base = RuleSettings()
        var whenOn: Outcome
        var whenOff: Outcome

        var testDescription: String { "\(key.rawValue): \(label)" }

        func decide(_ on: Bool) -> Decision {
            var settings = base
            key.set(on, in: &settings)
            return UpgradeRules(settings: settings).decide(release, current: current, seeders: seeders)
        }
    }

    static let flips: [Flip] = [
        Flip(
            key: .notifyFEL, label: "FEL over P5", release: movie(.p7FEL), current: quality(.p5),
            whenOn: .notifies(.fel, ["P5 → P7 FEL"]), whenOff: .skipped(.none, ["P5 → P7 FEL"])),
        Flip(
            key: .notifyFELFromP5, label: "FEL over P8", release: movie(.p7FEL), current: quality(.p8),
            whenOn: .notifies(.fel, ["P8 → P7 FEL"]), whenOff: .skipped(.none, ["P8 → P7 FEL"])),
        Flip(
            key: .notifyFELFromP5, label: "FEL over P7 MEL", release: movie(.p7FEL), current: quality(.p7MEL),
            whenOn: .notifies(.fel, ["P7 MEL → P7 FEL"]), whenOff: .skipped(.none, ["P7 MEL → P7 FEL"])),
        Flip(
            key: .notifyFELFromHDR, label: "FEL over HDR10", release: movie(.p7FEL), current: quality(.hdr10),
            whenOn: .notifies(.fel, ["HDR10 → P7 FEL"]), whenOff: .skipped(.none, ["HDR10 → P7 FEL"])),
        Flip(
            key: .notifyFELDuplicates, label: "FEL over FEL", release: movie(.p7FEL), current: quality(.p7FEL),
            whenOn: .notifies(.fel, ["additional FEL copy"]), whenOff: .skipped(.duplicate)),
        Flip(
            key: .notifyDV, label: "P8 over HDR10", release: movie(.p8), current: quality(.hdr10),
            whenOn: .notifies(.dv, ["HDR10 → P8"]), whenOff: .skipped(.none, ["HDR10 → P8"])),
        Flip(
            key: .notifyDVFromHDR, label: "P8 over HDR10, notify_dv on", release: movie(.p8),
            current: quality(.hdr10), base: settings { $0.notifyDV = true },
            whenOn: .notifies(.dv, ["HDR10 → P8"]), whenOff: .skipped(.none, ["HDR10 → P8"])),
        Flip(
            key: .notifyDVProfileUpgrades, label: "P8 over P5, notify_dv on", release: movie(.p8),
            current: quality(.p5), base: settings { $0.notifyDV = true },
            whenOn: .notifies(.dv, ["P5 → P8"]), whenOff: .skipped(.none, ["P5 → P8"])),
        Flip(
            key: .notifyAtmos, label: "HDR10 Atmos over HDR10", release: movie(.hdr10, atmos: true),
            current: quality(.hdr10),
            whenOn: .notifies(.atmos, ["+ Atmos"]), whenOff: .skipped(.none, ["+ Atmos"])),
        Flip(
            key: .notifyAtmosOnlyIfNoAtmos, label: "2160p Atmos over 1080p Atmos, notify_atmos on",
            release: movie(.hdr10, atmos: true), current: quality(.hdr10, .r1080p, atmos: true),
            base: settings { $0.notifyAtmos = true },
            whenOn: .skipped(.none, ["1080p → 2160p"]), whenOff: .notifies(.atmos, ["1080p → 2160p"])),
        Flip(
            key: .notifyAtmosWithDVUpgrade, label: "P8 Atmos over HDR10 (notify_dv, notify_atmos off)",
            release: movie(.p8, atmos: true), current: quality(.hdr10),
            whenOn: .notifies(.dv, ["HDR10 → P8", "+ Atmos"]), whenOff: .skipped(.none, ["HDR10 → P8", "+ Atmos"])),
        Flip(
            key: .notifyAtmosWithDVUpgrade, label: "FEL Atmos over P5, notify_fel off",
            release: movie(.p7FEL, atmos: true), current: quality(.p5), base: settings { $0.notifyFEL = false },
            whenOn: .notifies(.fel, ["P5 → P7 FEL", "+ Atmos"]),
            whenOff: .skipped(.none, ["P5 → P7 FEL", "+ Atmos"])),
        Flip(
            key: .notifyResolution, label: "2160p over 1080p", release: movie(.hdr10),
            current: quality(.hdr10, .r1080p),
            whenOn: .notifies(.resolution, ["1080p → 2160p"]), whenOff: .skipped(.none, ["1080p → 2160p"])),
        Flip(
            key: .notifyResolutionOnlyUpgrades, label: "1080p FEL over 2160p P5", release: movie(.p7FEL, .r1080p),
            current: quality(.p5),
            whenOn: .skipped(.downgrade, ["P5 → P7 FEL"]), whenOff: .notifies(.fel, ["P5 → P7 FEL"])),
        Flip(
            key: .notifyResolutionOnlyUpgrades, label: "1080p Atmos over 2160p, any Atmos",
            release: movie(.hdr10, .r1080p, atmos: true), current: quality(.hdr10, atmos: true),
            base: settings { ($0.notifyAtmos, $0.notifyAtmosOnlyIfNoAtmos) = (true, false) },
            whenOn: .skipped(.downgrade), whenOff: .notifies(.atmos, [])),
        Flip(
            key: .notifyOnlyLibraryMovies, label: "FEL, movie not in the library", release: movie(.p7FEL),
            current: nil,
            whenOn: .skipped(.notInLibrary), whenOff: .notifies(.fel, ["SDR → P7 FEL"])),
        Flip(
            key: .maxSizeGB, label: "92.4 GB FEL over P5, limit 80", release: movie(.p7FEL, size: gb(92.4)),
            current: quality(.p5),
            whenOn: .skipped(.filtered, ["P5 → P7 FEL"]), whenOff: .notifies(.fel, ["P5 → P7 FEL"])),
        Flip(
            key: .minSeeders, label: "FEL over P5 with 2 seeders, minimum 5", release: movie(.p7FEL),
            current: quality(.p5), seeders: 2,
            whenOn: .skipped(.filtered, ["P5 → P7 FEL"]), whenOff: .notifies(.fel, ["P5 → P7 FEL"])),
        Flip(
            key: .autoApprove, label: "FEL over P5, auto_approve [fel]", release: movie(.p7FEL), current: quality(.p5),
            whenOn: .notifies(.fel, ["P5 → P7 FEL"], autoApprove: true),
            whenOff: .notifies(.fel, ["P5 → P7 FEL"], autoApprove: false)),
    ]

    @Test(arguments: flips)
    func flippingTheKeyChangesTheOutcome(_ flip: Flip) {
        #expect(flip.whenOn != flip.whenOff, "the row must show the key making a difference")
        #expect(Outcome(flip.decide(true)) == flip.whenOn)
        #expect(Outcome(flip.decide(false)) == flip.whenOff)
    }

    @Test func everyRuleKeyHasAFlipRow() {
        let covered = Set(Self.flips.map(\.key))
        let missing = Key.allCases.filter { !covered.contains($0) }.map(\.rawValue)
        #expect(missing.isEmpty, "keys without a row: \(missing)")
    }

    /// A key added to ``RuleSettings`` without a row here fails this test.
    @Test func keyListMatchesRuleSettings() {
        let stored = Mirror(reflecting: RuleSettings()).children.count
        #expect(stored == Key.allCases.count + 1, "RuleSettings has \(stored) keys: add the new one to Key")
    }

    @Test func defaultsAreThoseOfTheSpec() {
        let defaults = RuleSettings()
        #expect(defaults.notifyFEL && defaults.notifyFELFromP5 && defaults.notifyFELFromHDR)
        #expect(!defaults.notifyFELDuplicates && !defaults.notifyDV && !defaults.notifyAtmos)
        #expect(defaults.notifyDVFromHDR && defaults.notifyDVProfileUpgrades)
        #expect(defaults.notifyAtmosOnlyIfNoAtmos && defaults.notifyAtmosWithDVUpgrade)
        #expect(!defaults.notifyResolution && defaults.notifyResolutionOnlyUpgrades && defaults.notifyOnlyLibraryMovies)
        #expect(defaults.notifyExpireHours == 24 && defaults.maxSizeGB == 0 && defaults.minSeeders == 0)
        #expect(defaults.autoApprove.isEmpty)
    }

    /// `notify_expire_hours` is for pending requests: no decision depends on it.
    @Test(arguments: [0, 1, 24, 720])
    func expireHoursDoNotChangeDecisions(_ hours: Int) {
        let inputs: [(ParsedRelease, Quality?)] = [
            (movie(.p7FEL, atmos: true), quality(.p5)), (movie(.p7FEL), quality(.p7FEL)),
            (movie(.p8), quality(.p7FEL)), (movie(.hdr10, .r1080p), quality(.hdr10)),
        ]
        let rules = UpgradeRules(settings: settings { $0.notifyExpireHours = hours })
        for (release, current) in inputs {
            #expect(rules.decide(release, current: current) == UpgradeRules().decide(release, current: current))
        }
    }
}

import Testing

@testable import UpshiftCore

/// The longest reasons, pinned word for word (written from static pieces into one fixed buffer, they must
/// neither overflow it nor change), and the labels the reasons are built from.
@Suite struct UpgradeRulesReasonTests {
    static var everythingOff: RuleSettings {
        var settings = RuleSettings()
        settings.notifyFEL = false
        settings.notifyDV = false
        settings.notifyAtmosWithDVUpgrade = false
        settings.notifyAtmos = false
        settings.notifyResolution = false
        settings.notifyResolutionOnlyUpgrades = false
        settings.notifyOnlyLibraryMovies = false
        return settings
    }

    static func release(_ quality: Quality) -> ParsedRelease {
        ParsedRelease(name: "x", kind: .movie, title: "t", year: 2000, quality: quality, group: nil)
    }

    static let felAtmos2160 = Quality(
        resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, hdr10: true, atmos: true)

    @Test func everyGainBlockedByEveryKey() {
        let decision = UpgradeRules(settings: Self.everythingOff).decide(
            Self.release(Self.felAtmos2160), current: Quality(resolution: .r1080p, hdr10Plus: true))
        #expect(
            decision.reason
                == "Adds Dolby Vision (HDR10+ → P7 FEL), Atmos and a higher resolution (1080p → 2160p), but FEL upgrades, "
                + "DV upgrades, combined DV + Atmos upgrades, Atmos upgrades and resolution upgrades are off (notify_fel, "
                + "notify_dv, notify_atmos_with_dv_upgrade, notify_atmos, notify_resolution).")
        #expect(decision.gains == ["HDR10+ → P7 FEL", "+ Atmos", "1080p → 2160p"])
        #expect(decision.kind == .none && !decision.notify)
    }

    @Test func notInLibraryWithBlockedGains() {
        let decision = UpgradeRules(settings: Self.everythingOff).decide(Self.release(Self.felAtmos2160), current: nil)
        #expect(
            decision.reason
                == "Not in the library; it would add Dolby Vision (SDR → P7 FEL) and Atmos, but FEL upgrades, DV upgrades, "
                + "combined DV + Atmos upgrades and Atmos upgrades are off (notify_fel, notify_dv, "
                + "notify_atmos_with_dv_upgrade, notify_atmos).")
        #expect(decision.gains == ["SDR → P7 FEL", "+ Atmos"])
    }

    @Test func everyLoss() {
        let decision = UpgradeRules(settings: Self.everythingOff).decide(
            Self.release(Quality(resolution: .r1080p, dv: true, dvProfile: .p5)), current: Self.felAtmos2160)
        #expect(
            decision.reason
                == "No gain over the copy held (2160p P7 FEL Atmos), and it would lose DV rank (P7 FEL → P5), Atmos and "
                + "resolution (2160p → 1080p).")
        #expect(decision.gains.isEmpty)
    }

    @Test func changeTablesMatchTheLabels() {
        for from in DynamicRangeKind.allCases {
            for to in DynamicRangeKind.allCases {
                #expect(DynamicRangeKind.change(from, to) == "\(from.label) → \(to.label)")
            }
        }
        for from in Resolution.allCases {
            for to in Resolution.allCases {
                #expect(Resolution.change(from, to) == "\(from.rawValue) → \(to.rawValue)")
                #expect("\(from.label)" == from.rawValue)
            }
        }
    }
}

import Testing
import UpshiftCore

/// The decisions of SPEC §5, one labelled row per situation: skip kinds, gains, kind priority,
/// auto-approval, the Dolby Vision rank table and the reasons.
@Suite struct UpgradeRulesTests {
    /// One release judged against one copy.
    struct Row: Sendable, CustomTestStringConvertible {
        var label: String
        var release: ParsedRelease
        var current: Quality?
        var settings = RuleSettings()
        var seeders: Int? = nil
        var expected: Outcome
        /// The exact reason, when the row pins it.
        var reason: String? = nil
        /// Words the reason must contain.
        var mentions: [String] = []

        var testDescription: String { label }

        func decide() -> Decision {
            UpgradeRules(settings: settings).decide(release, current: current, seeders: seeders)
        }
    }

    // MARK: - Skip kinds

    static let skips: [Row] = [
        Row(
            label: "TV episode in FEL over P5: not a movie", release: episode(.p7FEL, atmos: true),
            current: quality(.p5), expected: .skipped(.notAMovie), reason: "TV episode or season, not a movie."),
        Row(
            label: "TV episode not in the library, library-only off: still not a movie", release: episode(.p7FEL),
            current: nil, settings: permissive, expected: .skipped(.notAMovie)),
        Row(
            label: "FEL release, movie not in the library", release: movie(.p7FEL, atmos: true), current: nil,
            expected: .skipped(.notInLibrary), reason: "Not in the library."),
        Row(
            label: "FEL over FEL: duplicate", release: movie(.p7FEL, nil), current: quality(.p7FEL, nil),
            expected: .skipped(.duplicate), reason: "Already held in P7 FEL: duplicate."),
        Row(
            label: "2160p FEL Atmos over the same: duplicate", release: movie(.p7FEL, atmos: true),
            current: quality(.p7FEL, atmos: true), expected: .skipped(.duplicate),
            reason: "Already held in 2160p P7 FEL Atmos: duplicate."),
        Row(
            label: "1080p HDR10 over 1080p HDR10: duplicate", release: movie(.hdr10, .r1080p),
            current: quality(.hdr10, .r1080p), expected: .skipped(.duplicate)),
        Row(
            label: "P8 over P7 of unknown layer: same rank, duplicate", release: movie(.p8), current: quality(.p7),
            settings: permissive, expected: .skipped(.duplicate),
            reason: "Already held in 2160p P7, which ranks the same as P8: duplicate."),
        Row(
            label: "P5 over DV of unknown profile: both rank 1, duplicate", release: movie(.p5), current: quality(.dv),
            settings: permissive, expected: .skipped(.duplicate)),
        Row(
            label: "Atmos duplicate under any-Atmos: never notifies", release: movie(.p8, atmos: true),
            current: quality(.p8, atmos: true), settings: permissive, expected: .skipped(.duplicate)),
        Row(
            label: "1080p over 2160p: downgrade", release: movie(.hdr10, .r1080p), current: quality(.hdr10),
            expected: .skipped(.downgrade), reason: "Lower resolution than the copy held (2160p → 1080p)."),
        Row(
            label: "1080p FEL Atmos over 2160p P5: downgrade whatever it gains",
            release: movie(.p7FEL, .r1080p, atmos: true),
            current: quality(.p5), settings: settings { $0.notifyAtmos = true },
            expected: .skipped(.downgrade, ["P5 → P7 FEL", "+ Atmos"]),
            reason: "Lower resolution than the copy held (2160p → 1080p), so its gains are not offered "
                + "(P5 → P7 FEL, + Atmos)."),
        Row(
            label: "720p P8 over 1080p FEL Atmos: downgrade names the other losses", release: movie(.p8, .r720p),
            current: quality(.p7FEL, .r1080p, atmos: true), expected: .skipped(.downgrade),
            reason: "Lower resolution than the copy held (1080p → 720p), and it would also lose DV rank "
                + "(P7 FEL → P8) and Atmos."),
        Row(
            label: "92.4 GB FEL over P5, 80 GB limit: filtered", release: movie(.p7FEL, size: gb(92.4)),
            current: quality(.p5), settings: settings { $0.maxSizeGB = 80 },
            expected: .skipped(.filtered, ["P5 → P7 FEL"]), reason: "Too large: 92.4 GB over the 80 GB limit."),
        Row(
            label: "2 seeders, minimum 5: filtered", release: movie(.p7FEL), current: quality(.p5),
            settings: settings { $0.minSeeders = 5 }, seeders: 2,
            expected: .skipped(.filtered, ["P5 → P7 FEL"]), reason: "Too few seeders: 2 of the 5 required."),
        Row(
            label: "too large and too few seeders: one sentence for both", release: movie(.p7FEL, size: gb(92.4)),
            current: quality(.p5), settings: settings { ($0.maxSizeGB, $0.minSeeders) = (80.5, 5) }, seeders: 0,
            expected: .skipped(.filtered, ["P5 → P7 FEL"]),
            reason: "Too large (92.4 GB over the 80.5 GB limit) and too few seeders (0 of the 5 required)."),
        Row(
            label: "exactly 80 GB with an 80 GB limit: passes", release: movie(.p7FEL, size: 80_000_000_000),
            current: quality(.p5), settings: settings { $0.maxSizeGB = 80 },
            expected: .notifies(.fel, ["P5 → P7 FEL"])),
        Row(
            label: "80 GB and one byte: filtered (decimal GB)", release: movie(.p7FEL, size: 80_000_000_001),
            current: quality(.p5), settings: settings { $0.maxSizeGB = 80 },
            expected: .skipped(.filtered, ["P5 → P7 FEL"])),
        Row(
            label: "unknown size never filters", release: movie(.p7FEL), current: quality(.p5),
            settings: settings { $0.maxSizeGB = 1 }, expected: .notifies(.fel, ["P5 → P7 FEL"])),
        Row(
            label: "unknown seeders never filter", release: movie(.p7FEL), current: quality(.p5),
            settings: settings { $0.minSeeders = 50 }, seeders: nil, expected: .notifies(.fel, ["P5 → P7 FEL"])),
        Row(
            label: "seeders equal to the minimum: passes", release: movie(.p7FEL), current: quality(.p5),
            settings: settings { $0.minSeeders = 5 }, seeders: 5, expected: .notifies(.fel, ["P5 → P7 FEL"])),
        Row(
            label: "filters only apply once a rule fired", release: movie(.p8, size: gb(200)), current: quality(.p7FEL),
            settings: settings { ($0.maxSizeGB, $0.minSeeders) = (80, 5) }, seeders: 0, expected: .skipped(.none)),
        Row(
            label: "SDR 1080p over 2160p FEL Atmos, guard off: nothing gained", release: movie(.sdr, .r1080p),
            current: quality(.p7FEL, atmos: true), settings: settings { $0.notifyResolutionOnlyUpgrades = false },
            expected: .skipped(.none),
            reason: "No gain over the copy held (2160p P7 FEL Atmos), and it would lose Dolby Vision "
                + "(P7 FEL → SDR), Atmos and resolution (2160p → 1080p)."),
        Row(
            label: "not in the library, judged empty: nothing gained", release: movie(.hdr10), current: nil,
            settings: settings { $0.notifyOnlyLibraryMovies = false }, expected: .skipped(.none),
            reason: "Not in the library, and nothing gained over an empty copy."),
        Row(
            label: "FEL Atmos over FEL: gains Atmos, notify_atmos off", release: movie(.p7FEL, atmos: true),
            current: quality(.p7FEL), expected: .skipped(.none, ["+ Atmos"]),
            reason: "Adds Atmos, but Atmos upgrades are off (notify_atmos)."),
        Row(
            label: "FEL over P5 with FEL and DV off: reason names both keys", release: movie(.p7FEL),
            current: quality(.p5), settings: settings { $0.notifyFEL = false },
            expected: .skipped(.none, ["P5 → P7 FEL"]),
            reason: "Adds a higher DV rank (P5 → P7 FEL), but FEL upgrades and DV upgrades are off "
                + "(notify_fel, notify_dv)."),
        Row(
            label: "all three gains blocked: reason names every key", release: movie(.p8, atmos: true),
            current: quality(.hdr10, .r1080p), settings: settings { $0.notifyAtmosWithDVUpgrade = false },
            expected: .skipped(.none, ["HDR10 → P8", "+ Atmos", "1080p → 2160p"]),
            mentions: ["notify_dv", "notify_atmos_with_dv_upgrade", "notify_atmos", "notify_resolution"]),
    ]

    // MARK: - Gains and kind priority

    static let upgrades: [Row] = [
        Row(
            label: "FEL Atmos over P5: FEL and combined fire, kind fel", release: movie(.p7FEL, atmos: true),
            current: quality(.p5), expected: .notifies(.fel, ["P5 → P7 FEL", "+ Atmos"]),
            reason: "P7 FEL release for a movie held in P5 (P5 → P7 FEL, + Atmos)."),
        Row(
            label: "fel > atmos > resolution, auto-approve reads the strongest kind",
            release: movie(.p7FEL, atmos: true), current: quality(.hdr10, .r1080p),
            settings: settings {
                ($0.notifyAtmos, $0.notifyResolution, $0.autoApprove) = (true, true, [.atmos, .resolution])
            },
            expected: .notifies(.fel, ["HDR10 → P7 FEL", "+ Atmos", "1080p → 2160p"], autoApprove: false)),
        Row(
            label: "dv > atmos: P8 Atmos over HDR10", release: movie(.p8, atmos: true), current: quality(.hdr10),
            settings: settings { ($0.notifyDV, $0.notifyAtmos, $0.notifyAtmosWithDVUpgrade) = (true, true, false) },
            expected: .notifies(.dv, ["HDR10 → P8", "+ Atmos"])),
        Row(
            label: "atmos > resolution, auto-approved atmos", release: movie(.hdr10, atmos: true),
            current: quality(.hdr10, .r1080p),
            settings: settings { ($0.notifyAtmos, $0.notifyResolution, $0.autoApprove) = (true, true, [.atmos]) },
            expected: .notifies(.atmos, ["+ Atmos", "1080p → 2160p"], autoApprove: true),
            reason: "Atmos release for a movie held without Atmos (+ Atmos, 1080p → 2160p)."),
        Row(
            label: "resolution alone", release: movie(.sdr), current: quality(.sdr, .r720p),
            settings: settings { ($0.notifyResolution, $0.autoApprove) = (true, [.resolution]) },
            expected: .notifies(.resolution, ["720p → 2160p"], autoApprove: true),
            reason: "2160p release for a movie held in 720p (720p → 2160p)."),
        Row(
            label: "FEL release with notify_fel off and notify_dv on: kind dv", release: movie(.p7FEL),
            current: quality(.p5), settings: settings { ($0.notifyFEL, $0.notifyDV) = (false, true) },
            expected: .notifies(.dv, ["P5 → P7 FEL"])),
        Row(
            label: "combined DV + Atmos fires over HDR even with notify_fel_from_hdr off",
            release: movie(.p7FEL, atmos: true), current: quality(.hdr10),
            settings: settings { $0.notifyFELFromHDR = false },
            expected: .notifies(.fel, ["HDR10 → P7 FEL", "+ Atmos"])),
        Row(
            label: "combined needs the Atmos gain: P8 over HDR10 Atmos", release: movie(.p8, atmos: true),
            current: quality(.hdr10, atmos: true), expected: .skipped(.none, ["HDR10 → P8"])),
        Row(
            label: "additional FEL copy that also adds Atmos", release: movie(.p7FEL, atmos: true),
            current: quality(.p7FEL), settings: settings { $0.notifyFELDuplicates = true },
            expected: .notifies(.fel, ["additional FEL copy", "+ Atmos"]),
            reason: "Another P7 FEL release for a movie already held in P7 FEL (additional FEL copy, + Atmos)."),
        Row(
            label: "FEL Atmos over FEL with notify_atmos: an Atmos upgrade, not a duplicate",
            release: movie(.p7FEL, atmos: true), current: quality(.p7FEL), settings: settings { $0.notifyAtmos = true },
            expected: .notifies(.atmos, ["+ Atmos"])),
        Row(
            label: "FEL over P5 losing Atmos: the reason says so", release: movie(.p7FEL),
            current: quality(.p5, atmos: true),
            expected: .notifies(.fel, ["P5 → P7 FEL"]),
            reason: "P7 FEL release for a movie held in P5 (P5 → P7 FEL), though it would lose Atmos."),
        Row(
            label: "not in the library, judged empty: FEL notifies", release: movie(.p7FEL, atmos: true), current: nil,
            settings: settings { $0.notifyOnlyLibraryMovies = false },
            expected: .notifies(.fel, ["SDR → P7 FEL", "+ Atmos"]),
            reason: "P7 FEL release for a movie not in the library (SDR → P7 FEL, + Atmos)."),
        Row(
            label: "not in the library: no resolution gain over an unknown one", release: movie(.hdr10), current: nil,
            settings: permissive, expected: .skipped(.none)),
        Row(
            label: "auto_approve never approves a skip", release: movie(.p7FEL), current: quality(.p7FEL),
            settings: settings { $0.autoApprove = Set(DecisionKind.allCases) }, expected: .skipped(.duplicate)),
        Row(
            label: "auto_approve covers the combined kind of a P8 Atmos release", release: movie(.p8, atmos: true),
            current: quality(.hdr10), settings: settings { $0.autoApprove = [.dv] },
            expected: .notifies(.dv, ["HDR10 → P8", "+ Atmos"], autoApprove: true)),
    ]

    // MARK: - Dolby Vision rank (FELScanner ranked P8 above P7)

    static let dvRanks: [Row] = [
        Row(
            label: "P8 over P7 FEL: no upgrade even with every rule on", release: movie(.p8), current: quality(.p7FEL),
            settings: permissive, expected: .skipped(.none),
            reason: "No gain over the copy held (2160p P7 FEL), and it would lose DV rank (P7 FEL → P8)."),
        Row(
            label: "P8 Atmos over P7 FEL: Atmos only, and the DV loss is named", release: movie(.p8, atmos: true),
            current: quality(.p7FEL), expected: .skipped(.none, ["+ Atmos"]),
            reason: "Adds Atmos, but Atmos upgrades are off (notify_atmos), and it would lose DV rank "
                + "(P7 FEL → P8)."),
        Row(
            label: "P8 Atmos over P7 FEL Atmos, any-Atmos on: atmos, not dv", release: movie(.p8, atmos: true),
            current: quality(.p7FEL, atmos: true),
            settings: settings { ($0.notifyDV, $0.notifyAtmos, $0.notifyAtmosOnlyIfNoAtmos) = (true, true, false) },
            expected: .notifies(.atmos, []),
            reason: "Atmos release for a movie already held with Atmos, though it would lose DV rank (P7 FEL → P8)."),
        Row(
            label: "P8 over P7 MEL: same rank, no DV gain", release: movie(.p8), current: quality(.p7MEL),
            settings: permissive, expected: .skipped(.none)),
        Row(
            label: "P7 MEL over P8: same rank, no DV gain", release: movie(.p7MEL), current: quality(.p8),
            settings: permissive, expected: .skipped(.none)),
        Row(
            label: "P7 of unknown layer over P8: same rank, duplicate", release: movie(.p7), current: quality(.p8),
            settings: permissive, expected: .skipped(.duplicate)),
        Row(
            label: "P8 over DV of unknown profile: a gain", release: movie(.p8), current: quality(.dv),
            settings: settings { $0.notifyDV = true }, expected: .notifies(.dv, ["DV → P8"]),
            reason: "P8 release for a movie held in DV (DV → P8)."),
        Row(
            label: "P8 over P5: a gain", release: movie(.p8), current: quality(.p5),
            settings: settings { $0.notifyDV = true },
            expected: .notifies(.dv, ["P5 → P8"])),
        Row(
            label: "FEL over P7 of unknown layer: a FEL upgrade", release: movie(.p7FEL), current: quality(.p7),
            expected: .notifies(.fel, ["P7 → P7 FEL"])),
        Row(
            label: "P5 over HDR10: rank 1 over 0", release: movie(.p5), current: quality(.hdr10),
            settings: settings { $0.notifyDV = true }, expected: .notifies(.dv, ["HDR10 → P5"])),
        Row(
            label: "unknown-profile DV over HDR10+", release: movie(.dv), current: quality(.hdr10Plus),
            settings: settings { $0.notifyDV = true }, expected: .notifies(.dv, ["HDR10+ → DV"])),
        Row(
            label: "P8 over HLG", release: movie(.p8), current: quality(.hlg),
            settings: settings { $0.notifyDV = true },
            expected: .notifies(.dv, ["HLG → P8"])),
        Row(
            label: "FEL over SDR", release: movie(.p7FEL), current: quality(.sdr),
            expected: .notifies(.fel, ["SDR → P7 FEL"])),
        Row(
            label: "HDR10 over P5: loses Dolby Vision", release: movie(.hdr10), current: quality(.p5),
            settings: permissive, expected: .skipped(.none),
            reason: "No gain over the copy held (2160p P5), and it would lose Dolby Vision (P5 → HDR10)."),
    ]

    static let allRows = skips + upgrades + dvRanks

    @Test(arguments: skips)
    func skipKinds(_ row: Row) { check(row) }

    @Test(arguments: upgrades)
    func gainsAndKinds(_ row: Row) { check(row) }

    @Test(arguments: dvRanks)
    func dolbyVisionRank(_ row: Row) { check(row) }

    /// Every reason is one sentence: capitalised, ending with a period, no sentence break inside.
    @Test(arguments: allRows)
    func reasonIsOneSentence(_ row: Row) throws {
        let reason = row.decide().reason
        let first = try #require(reason.first)
        #expect(!first.isLowercase)
        #expect(reason.hasSuffix("."))
        #expect(!reason.dropLast().contains(". "))
        #expect(!reason.contains("?") && !reason.contains("  ") && !reason.contains("()"))
    }

    private func check(_ row: Row) {
        let decision = row.decide()
        #expect(Outcome(decision) == row.expected)
        if let reason = row.reason { #expect(decision.reason == reason) }
        for word in row.mentions { #expect(decision.reason.contains(word), "reason: \(decision.reason)") }
    }
}

import Testing
import UpshiftCore

/// The rank table of SPEC §2 and the labels the rules print.
@Suite struct DolbyVisionRankTests {
    /// One copy with its rank and labels.
    struct Row: Sendable, CustomTestStringConvertible {
        var label: String
        var quality: Quality
        var rank: DolbyVisionRank
        var dynamicRange: String
        var summary: String

        var testDescription: String { label }
    }

    static let rows: [Row] = [
        Row(label: "SDR", quality: quality(.sdr, nil), rank: .none, dynamicRange: "SDR", summary: "SDR"),
        Row(label: "HDR10", quality: quality(.hdr10), rank: .none, dynamicRange: "HDR10", summary: "2160p HDR10"),
        Row(
            label: "HDR10+ with an HDR10 base", quality: Quality(hdr10: true, hdr10Plus: true), rank: .none,
            dynamicRange: "HDR10+", summary: "HDR10+"),
        Row(
            label: "HLG and HDR10: HDR10 first", quality: Quality(hdr10: true, hlg: true), rank: .none,
            dynamicRange: "HDR10", summary: "HDR10"),
        Row(label: "HLG", quality: quality(.hlg, .r1080p), rank: .none, dynamicRange: "HLG", summary: "1080p HLG"),
        Row(
            label: "profile without the DV flag: no DV", quality: Quality(dvProfile: .p7, dvLayer: .fel), rank: .none,
            dynamicRange: "SDR", summary: "SDR"),
        Row(
            label: "DV of unknown profile", quality: quality(.dv), rank: .basic, dynamicRange: "DV", summary: "2160p DV"
        ),
        Row(
            label: "P5", quality: quality(.p5, atmos: true), rank: .basic, dynamicRange: "P5", summary: "2160p P5 Atmos"
        ),
        Row(label: "P8", quality: quality(.p8), rank: .standard, dynamicRange: "P8", summary: "2160p P8"),
        Row(
            label: "P7 of unknown layer", quality: quality(.p7), rank: .standard, dynamicRange: "P7",
            summary: "2160p P7"),
        Row(
            label: "P7 MEL", quality: quality(.p7MEL), rank: .standard, dynamicRange: "P7 MEL",
            summary: "2160p P7 MEL"),
        Row(
            label: "P7 FEL", quality: quality(.p7FEL, atmos: true), rank: .fel, dynamicRange: "P7 FEL",
            summary: "2160p P7 FEL Atmos"),
    ]

    @Test(arguments: rows)
    func rankAndLabels(_ row: Row) {
        #expect(row.quality.dvRank == row.rank)
        #expect(row.quality.dynamicRangeLabel == row.dynamicRange)
        #expect(row.quality.ruleSummary == row.summary)
    }

    @Test func profileNumbersAreNotAnOrder() {
        #expect(quality(.p8).dvRank < quality(.p7FEL).dvRank)
        #expect(quality(.p8).dvRank == quality(.p7MEL).dvRank)
        #expect(quality(.p8).dvRank == quality(.p7).dvRank)
        #expect(quality(.dv).dvRank == quality(.p5).dvRank)
        #expect(quality(.dv).dvRank < quality(.p8).dvRank)
        #expect(DolbyVisionRank.allCases == DolbyVisionRank.allCases.sorted())
    }
}

import ArgumentParser
import Testing
import UpshiftCore

@testable import UpshiftCLI

/// The wire keys of SPEC §3, in order.
let parseKeys = [
    "name", "kind", "title", "year", "resolution", "source", "remux", "dv", "dvProfile", "dvLayer",
    "hdr10", "hdr10Plus", "hlg", "atmos", "audio", "channels", "codec", "group",
]

@Suite struct ParseCommandTests {
    @Test func argvIsParsedIntoNames() throws {
        let command = try #require(try Upshift.parseAsRoot(["parse", "A.2019", "B 2020"]) as? ParseCommand)
        #expect(command.names == ["A.2019", "B 2020"])
        #expect(command.global.configPath == "settings.json")
    }

    @Test func printsExactlyTheSpecKeysInOrder() async {
        let run = await runUpshift(["parse", "Heat.1995.2160p.UHD.BluRay.REMUX.DV.HDR.TrueHD.Atmos.7.1-GROUP"])
        #expect(run.status == 0)
        #expect(run.errorLines.isEmpty)
        #expect(run.lines.count == 1)
        #expect(topLevelKeys(run.lines[0]) == parseKeys)
    }

    @Test func unknownValuesAreExplicitNulls() throws {
        let release = ParsedRelease(name: "x", kind: .movie, title: nil, year: nil, quality: Quality(), group: nil)
        let line = try JSONLine().string(ParsedReleaseDTO(release))
        #expect(
            line == #"{"name":"x","kind":"movie","title":null,"year":null,"resolution":null,"source":null,"#
                + #""remux":null,"dv":false,"dvProfile":null,"dvLayer":null,"hdr10":false,"hdr10Plus":false,"#
                + #""hlg":false,"atmos":false,"audio":null,"channels":null,"codec":null,"group":null}"#)
    }

    @Test func valuesUseTheirWireNames() throws {
        let quality = Quality(
            resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, hdr10: true, hdr10Plus: true, hlg: false,
            atmos: true, audio: .dtsHDMA, channels: .surround71, source: .webDL, remux: false, codec: .hevc
        )
        let release = ParsedRelease(
            name: "N/A \"quoted\"", kind: .episode, title: "Title", year: 2024, quality: quality, group: "GRP"
        )
        let line = try JSONLine().string(ParsedReleaseDTO(release))
        #expect(
            line == #"{"name":"N/A \"quoted\"","kind":"episode","title":"Title","year":2024,"#
                + #""resolution":"2160p","source":"WEB-DL","remux":false,"dv":true,"dvProfile":7,"dvLayer":"FEL","#
                + #""hdr10":true,"hdr10Plus":true,"hlg":false,"atmos":true,"audio":"DTS-HD MA","channels":"7.1","#
                + #""codec":"HEVC","group":"GRP"}"#)
    }

    @Test func namesArePrintedInArgumentOrder() async {
        let run = await runUpshift(["parse", "Zulu.1964", "Alien.1979", "Manhunter.1986"])
        #expect(run.status == 0)
        #expect(run.lines.map { $0.hasPrefix(#"{"name":""#) } == [true, true, true])
        #expect(run.lines.map(nameField) == ["Zulu.1964", "Alien.1979", "Manhunter.1986"])
    }

    @Test func readsNonEmptyStandardInputLinesWhenNoNameIsGiven() async {
        let stdin = "Zulu.1964.1080p.BluRay\n\n   \n  Alien 1979 2160p  \r\nManhunter.1986\n"
        let run = await runUpshift(["parse"], stdin: stdin)
        #expect(run.status == 0)
        #expect(run.lines.map(nameField) == ["Zulu.1964.1080p.BluRay", "Alien 1979 2160p", "Manhunter.1986"])
        #expect(run.lines.allSatisfy { topLevelKeys($0) == parseKeys })
    }

    @Test func emptyStandardInputPrintsNothing() async {
        let run = await runUpshift(["parse"], stdin: "")
        #expect(run.status == 0)
        #expect(run.lines.isEmpty)
    }

    /// The `name` value of a line (names in these tests contain no escapes).
    private func nameField(_ line: String) -> String {
        let start = line.index(line.startIndex, offsetBy: #"{"name":""#.count)
        return String(line[start...].prefix { $0 != "\"" })
    }
}

/// Parsed values: these depend on the real `ReleaseNameParser` (the placeholder returns nils)
/// and fail until it lands. Expected values are from Tests/UpshiftCoreTests/Fixtures.
@Suite struct ParseValueTests {
    @Test(arguments: [
        (
            "Ghostbusters.Afterlife.2021.UHD.BluRay.2160p.TrueHD.Atmos.7.1.DV.FEL.HEVC.REMUX-LumenRip",
            [
                #""kind":"movie""#, #""title":"Ghostbusters Afterlife""#, #""year":2021"#, #""resolution":"2160p""#,
                #""source":"BluRay""#, #""remux":true"#, #""dv":true"#, #""dvProfile":7"#, #""dvLayer":"FEL""#,
                #""atmos":true"#, #""audio":"TrueHD""#, #""channels":"7.1""#, #""codec":"HEVC""#,
                #""group":"LumenRip""#,
            ]
        ),
        (
            "The World is Not Enough 1999 2160p WEB-DL HEVC DTS-HD MA 5.1 H.265-DEFLATE",
            [
                #""title":"The World is Not Enough""#, #""year":1999"#, #""source":"WEB-DL""#, #""dv":false"#,
                #""dvProfile":null"#, #""audio":"DTS-HD MA""#, #""channels":"5.1""#, #""group":"DEFLATE""#,
            ]
        ),
        (
            "Blade Runner 2049 2017 2160p REMUX HEVC DV HDR10+ TrueHD 7.1 Atmos-jennaortegaUHD",
            [
                #""title":"Blade Runner 2049""#, #""year":2017"#, #""dv":true"#, #""dvProfile":null"#,
                #""hdr10Plus":true"#,
            ]
        ),
        (
            "The.Mandalorian.S01E01.Chapter.1.2160p.DSNP.WEB-DL.DDP5.1.Atmos.DV.HEVC-MZABI",
            [
                #""kind":"episode""#, #""audio":"DD+""#, #""channels":"5.1""#, #""group":"MZABI""#,
            ]
        ),
    ])
    func printsWhatTheNameStates(name: String, fragments: [String]) async {
        let run = await runUpshift(["parse", name])
        #expect(run.status == 0)
        let line = run.lines.first ?? ""
        for fragment in fragments {
            #expect(line.contains(fragment), "\(fragment) missing from \(line)")
        }
    }
}

import Testing

@testable import UpshiftCLI

/// Decisions: these depend on the real `ReleaseNameParser` and `UpgradeRules` (the placeholders
/// return nils and kind `none`) and fail until both land.
@Suite struct CheckDecisionTests {
    static let felRelease = "Ghostbusters.Afterlife.2021.UHD.BluRay.2160p.TrueHD.Atmos.7.1.DV.FEL.HEVC.REMUX-LumenRip"
    static let p5Copy = #"{"resolution": "2160p", "dv": true, "dvProfile": 5, "source": "WEB-DL"}"#
    /// With Atmos already held, only the FEL rule can fire (not the combined DV + Atmos upgrade).
    static let p5AtmosCopy = #"{"resolution": "2160p", "dv": true, "dvProfile": 5, "atmos": true}"#

    @Test func felOverP5Notifies() async {
        let run = await runUpshift([
            "check", Self.felRelease, "--current", Self.p5Copy, "--config", "/nonexistent.json",
        ])
        #expect(run.status == 0)
        #expect(run.lines.first?.hasPrefix(#"{"notify":true,"kind":"fel","#) == true)
    }

    @Test func theConfigFileIsHonoured() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"notify_fel": false}"#, in: directory)
            let on = await runUpshift(["check", Self.felRelease, "--current", Self.p5AtmosCopy, "--config", "/nonexistent.json"])
            #expect(on.lines.first?.hasPrefix(#"{"notify":true,"kind":"fel","#) == true)
            let run = await runUpshift(["check", Self.felRelease, "--current", Self.p5AtmosCopy, "--config", path])
            #expect(run.status == 0)
            #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"none","#) == true)
        }
    }

    @Test func theEnvironmentIsHonoured() async {
        let run = await runUpshift(
            ["check", Self.felRelease, "--current", Self.p5AtmosCopy, "--config", "/nonexistent.json"],
            environment: ["UPSHIFT_NOTIFY_FEL": "false"]
        )
        #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"none","#) == true)
    }

    @Test func aMovieNotInTheLibraryIsSkipped() async {
        let run = await runUpshift(["check", Self.felRelease, "--current", "none", "--config", "/nonexistent.json"])
        #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"not_in_library","#) == true)
    }

    @Test func anEpisodeIsNotAMovie() async {
        let name = "The.Mandalorian.S03E01.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-FRDS"
        let run = await runUpshift(["check", name, "--current", "{}", "--config", "/nonexistent.json"])
        #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"not_a_movie","#) == true)
    }

    @Test func sizeIsFilteredByMaxSize() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"max_size_gb": 50}"#, in: directory)
            let argv = ["check", Self.felRelease, "--current", Self.p5Copy, "--size", "90000000000", "--config", path]
            let run = await runUpshift(argv)
            #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"filtered","#) == true)
        }
    }

    @Test func seedersAreFilteredByMinSeeders() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"min_seeders": 5}"#, in: directory)
            let argv = ["check", Self.felRelease, "--current", Self.p5Copy, "--seeders", "1", "--config", path]
            let run = await runUpshift(argv)
            #expect(run.lines.first?.hasPrefix(#"{"notify":false,"kind":"filtered","#) == true)
        }
    }
}

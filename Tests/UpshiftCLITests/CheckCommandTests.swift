import ArgumentParser
import Testing
import UpshiftCore

@testable import UpshiftCLI

@Suite struct CheckCommandTests {
    @Test func argvIsParsedIntoOptions() throws {
        let argv = ["check", "Heat.1995", "--current", "none", "--size", "123", "--seeders", "4", "--config", "x.json"]
        let command = try #require(try Upshift.parseAsRoot(argv) as? CheckCommand)
        #expect(command.name == "Heat.1995")
        #expect(command.current == "none")
        #expect(command.size == 123)
        #expect(command.seeders == 4)
        #expect(command.global.configPath == "x.json")
    }

    @Test func decodesAFullCurrentQuality() throws {
        let json = """
            {"resolution": "2160p", "dv": true, "dvProfile": 7, "dvLayer": "FEL", "hdr10": true, "hdr10Plus": false,
             "hlg": false, "atmos": true, "audio": "TrueHD", "channels": "7.1", "source": "BluRay", "remux": true,
             "codec": "HEVC", "sizeBytes": 64000000000}
            """
        let expected = Quality(
            resolution: .r2160p, dv: true, dvProfile: .p7, dvLayer: .fel, hdr10: true, atmos: true, audio: .trueHD,
            channels: .surround71, source: .bluRay, remux: true, codec: .hevc, sizeBytes: 64_000_000_000
        )
        #expect(try CurrentQualityDTO.decode(json) == expected)
    }

    @Test func missingKeysMeanNullOrFalse() throws {
        #expect(try CurrentQualityDTO.decode("{}") == Quality())
        #expect(
            try CurrentQualityDTO.decode(#"{"resolution": "1080p", "remux": null}"#) == Quality(resolution: .r1080p))
    }

    @Test(arguments: ["none", " NONE ", "None"])
    func noneMeansNotInTheLibrary(text: String) throws {
        #expect(try CurrentQualityDTO.decode(text) == nil)
    }

    @Test func namesMatchWithoutRegardToCase() throws {
        let quality = try CurrentQualityDTO.decode(#"{"source": "bluray", "audio": "truehd", "dvLayer": "mel"}"#)
        #expect(quality?.source == .bluRay)
        #expect(quality?.audio == .trueHD)
        #expect(quality?.dvLayer == .mel)
    }

    @Test func aProfileImpliesDolbyVision() throws {
        let quality = try CurrentQualityDTO.decode(#"{"dvProfile": 5}"#)
        #expect(quality == Quality(dv: true, dvProfile: .p5))
        #expect(quality?.dvRank == .basic)
    }

    @Test(arguments: [
        (#"{"resolution": "4k"}"#, #"--current: "resolution" must be one of 480p, 576p, 720p, 1080p, 2160p, got "4k""#),
        (#"{"dv": "yes"}"#, #"--current: "dv" must be true or false, got string"#),
        (#"{"dvProfile": 6}"#, #"--current: "dvProfile" must be one of 5, 7, 8, got 6"#),
        (#"{"dvProfile": "P7"}"#, #"--current: "dvProfile" must be one of 5, 7, 8, got string"#),
        (#"{"dvLayer": "XEL"}"#, #"--current: "dvLayer" must be one of FEL, MEL, got "XEL""#),
        (
            #"{"audio": "MP3"}"#,
            #"--current: "audio" must be one of TrueHD, DTS-HD MA, DTS-X, DTS, DD+, DD, AAC, FLAC, LPCM, Opus, "#
                + #"got "MP3""#
        ),
        (#"{"channels": 5.1}"#, #"--current: "channels" must be one of 2.0, 5.1, 7.1, got number"#),
        (#"{"sizeBytes": -1}"#, #"--current: "sizeBytes" must be 0 or more, got -1"#),
        (#"{"dv": false, "dvProfile": 7}"#, #"--current: "dv" is false but "dvProfile" or "dvLayer" is set"#),
        (
            #"{"resolutoin": "2160p"}"#,
            #"--current: "resolutoin" is not a quality field (use atmos, audio, channels, codec, dv, "#
                + #"dvLayer, dvProfile, hdr10, hdr10Plus, hlg, remux, resolution, sizeBytes, source)"#
        ),
        ("[1]", "--current: must be a JSON object or none, got list"),
    ])
    func badCurrentNamesTheKey(json: String, message: String) async {
        let run = await runUpshift(["check", "Heat.1995.2160p", "--current", json, "--config", "/nonexistent.json"])
        #expect(run.status == 1)
        #expect(run.lines.isEmpty)
        #expect(run.errorLines == ["Error: \(message)"])
    }

    @Test func everyBadKeyOfCurrentIsReported() async {
        let run = await runUpshift(["check", "X", "--current", #"{"resolution": "8k", "atmos": 1}"#])
        #expect(run.status == 1)
        #expect(run.errorLines.count == 2)
    }

    @Test func invalidCurrentJSONSaysWhere() async {
        let run = await runUpshift(["check", "X", "--current", #"{"resolution": }"#])
        #expect(run.status == 1)
        #expect(run.errorLines.count == 1)
        #expect(run.errorLines.first?.hasPrefix("Error: --current: invalid JSON at line 1, column ") == true)
    }

    @Test func printsTheFourDecisionKeysInOrder() async {
        let run = await runUpshift(["check", "Heat.1995.2160p", "--current", "{}", "--config", "/nonexistent.json"])
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        #expect(topLevelKeys(run.lines.first ?? "") == ["notify", "kind", "reason", "gains"])
    }

    @Test func anExplicitMissingConfigIsANote() async {
        let run = await runUpshift(["check", "Heat.1995", "--current", "none", "--config", "/nonexistent/s.json"])
        #expect(run.status == 0)
        #expect(run.errorLines == ["Note: /nonexistent/s.json does not exist, so the defaults apply"])
    }

    @Test func aBadConfigStopsWithTheKey() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"notify_fel": "no", "min_seeders": -3}"#, in: directory)
            let run = await runUpshift(["check", "Heat.1995", "--current", "none", "--config", path])
            #expect(run.status == 1)
            #expect(run.lines.isEmpty)
            #expect(
                run.errorLines == [
                    "Error: \(path): \"notify_fel\" must be true or false, got string",
                    "Error: \(path): \"min_seeders\" must be between 0 and 1000000, got -3",
                ])
        }
    }

    @Test func aBadEnvironmentVariableStopsWithItsName() async {
        let run = await runUpshift(
            ["check", "Heat.1995", "--current", "none", "--config", "/nonexistent.json"],
            environment: ["UPSHIFT_NOTIFY_FEL": "sometimes"]
        )
        #expect(run.status == 1)
        #expect(
            run.errorLines == [#"Error: UPSHIFT_NOTIFY_FEL: "notify_fel" must be true, false, 1 or 0, got "sometimes""#]
        )
    }

    @Test(arguments: [["--size", "-1"], ["--seeders", "-2"], ["--size", "lots"]])
    func badNumbersAreUsageErrors(options: [String]) async {
        let run = await runUpshift(["check", "Heat.1995", "--current", "none"] + options)
        #expect(run.status == 2)
        #expect(run.errorLines.first?.hasPrefix("Error: ") == true)
    }
}

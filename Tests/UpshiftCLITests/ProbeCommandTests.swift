import Foundation
import Testing
import UpshiftProbeFixtures

@testable import UpshiftCLI

/// The keys of an `upshift probe` line, in order.
let probeKeys = ["path", "container", "dv", "dvProfile", "dvLayer", "bytesRead", "error"]

@Suite struct ProbeCommandTests {
    /// Writes a P7 FEL Matroska file and a P8 MP4 file (with misleading names) into `directory`.
    private func writeFilms(in directory: URL) throws -> (mkv: String, mp4: String) {
        let fel = HEVCFixture.accessUnit(rpu: RPUFixture(.p7FEL).nal(), enhancementLayer: true)
        var matroska = MatroskaFixture(frames: [fel])
        matroska.doviRecord = HEVCFixture.doviRecord(profile: 7, enhancementLayer: true)
        let mkv = directory.appendingPathComponent("Film.MEL.mkv")
        try Data(matroska.bytes()).write(to: mkv)
        let mp4Fixture = MP4Fixture(frames: [HEVCFixture.accessUnit(rpu: RPUFixture(.p8).nal())])
        let mp4 = directory.appendingPathComponent("Film.P7.FEL.mp4")
        try Data(mp4Fixture.bytes()).write(to: mp4)
        return (mkv.path, mp4.path)
    }

    @Test func printsOneLinePerFileWithExactlyTheKeysInOrder() async throws {
        try await withTemporaryDirectory { directory in
            let films = try writeFilms(in: directory)
            let run = await runUpshift(["probe", films.mkv, films.mp4])
            #expect(run.status == 0)
            #expect(run.errorLines.isEmpty)
            try #require(run.lines.count == 2)
            #expect(run.lines.map(topLevelKeys) == [probeKeys, probeKeys])
            #expect(
                run.lines[0].hasPrefix(
                    #"{"path":"\#(films.mkv)","container":"mkv","dv":true,"dvProfile":7,"dvLayer":"FEL","bytesRead":"#))
            #expect(run.lines[0].hasSuffix(#","error":null}"#))
            #expect(
                run.lines[1].hasPrefix(
                    #"{"path":"\#(films.mp4)","container":"mp4","dv":true,"dvProfile":8,"dvLayer":null,"bytesRead":"#))
        }
    }

    @Test func anyUnreadableFileExitsOneAfterPrintingEveryLine() async throws {
        try await withTemporaryDirectory { directory in
            let films = try writeFilms(in: directory)
            let text = directory.appendingPathComponent("notes.mkv")
            try Data("not a film\n".utf8).write(to: text)
            let run = await runUpshift(["probe", text.path, films.mkv, "missing.mkv"])
            #expect(run.status == 1)
            try #require(run.lines.count == 3)
            #expect(
                run.lines[0]
                    == #"{"path":"\#(text.path)","container":null,"dv":false,"dvProfile":null,"dvLayer":null,"#
                    + #""bytesRead":11,"error":"the file is neither Matroska nor MP4"}"#)
            #expect(run.lines[1].contains(#""dvLayer":"FEL""#))
            #expect(
                run.lines[2]
                    == #"{"path":"missing.mkv","container":null,"dv":false,"dvProfile":null,"dvLayer":null,"#
                    + #""bytesRead":0,"error":"the file cannot be read: No such file or directory"}"#)
            #expect(
                run.errorLines == [
                    "Error: \(text.path): the file is neither Matroska nor MP4",
                    "Error: missing.mkv: the file cannot be read: No such file or directory",
                ])
        }
    }

    @Test func aPathIsRequired() async {
        let run = await runUpshift(["probe"])
        #expect(run.status == 2)
        #expect(run.errorLines.first?.hasPrefix("Error: ") == true)
    }

    @Test func helpNamesTheKeys() async {
        let run = await runUpshift(["probe", "--help"])
        #expect(run.status == 0)
        let text = run.lines.joined(separator: "\n")
        #expect(text.contains("OVERVIEW: Read the Dolby Vision profile and FEL/MEL from film files' own bytes."))
        #expect(text.contains("bytesRead"))
    }
}

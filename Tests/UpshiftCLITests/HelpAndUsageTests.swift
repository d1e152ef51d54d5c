import Testing

@testable import UpshiftCLI

@Suite struct HelpAndUsageTests {
    @Test(arguments: [
        (["--help"], "Find better copies of the films you already have"),
        (["parse", "--help"], "Print what release names state"),
        (["check", "--help"], "Judge one release against the copy you have"),
        (["config", "--help"], "Inspect the settings"),
        (["config", "check", "--help"], "Validate the settings and print the effective values"),
        (["help", "check"], "Judge one release against the copy you have"),
        ([], "Find better copies of the films you already have"),
    ])
    func helpIsPrintedForEveryCommand(arguments: [String], abstract: String) async {
        let run = await runUpshift(arguments)
        #expect(run.status == 0)
        #expect(run.errorLines.isEmpty)
        let text = run.lines.joined(separator: "\n")
        #expect(text.contains("OVERVIEW: \(abstract)"))
        #expect(text.contains("USAGE: upshift"))
    }

    @Test(arguments: [
        ["frobnicate"], ["check"], ["check", "Heat.1995"], ["parse", "--nope"], ["config", "check", "x"],
    ])
    func usageErrorsExitTwo(arguments: [String]) async {
        let run = await runUpshift(arguments)
        #expect(run.status == 2)
        #expect(run.lines.isEmpty)
        #expect(run.errorLines.first?.hasPrefix("Error: ") == true)
    }
}

import ArgumentParser
import Foundation
import UpshiftCore

/// `upshift parse [NAME ...]`: what each release name states, one JSON object per line (SPEC §3).
struct ParseCommand: UpshiftCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print what release names state, one JSON object per line.",
        discussion: """
            Each NAME, or each non-empty line of standard input when no NAME is given, is parsed \
            and printed in input order as one JSON object with exactly these keys: name, kind, \
            title, year, resolution, source, remux, dv, dvProfile, dvLayer, hdr10, hdr10Plus, hlg, \
            atmos, audio, channels, codec, group. Unknown values are null, absent flags false.

            Example:
              upshift parse 'Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GROUP'
              cat names.txt | upshift parse
            """
    )

    @OptionGroup var global: GlobalOptions

    /// The release names; none means "read standard input".
    @Argument(help: ArgumentHelp("Release names. With none, each non-empty line of standard input is one name.",
        valueName: "name"))
    var names: [String] = []

    func run(in context: CLIContext) async throws {
        let line = JSONLine()
        if !names.isEmpty {
            for name in names { await context.output.write(try line.string(Self.parsed(name))) }
            return
        }
        while let text = await context.input.readLine() {
            let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            await context.output.write(try line.string(Self.parsed(name)))
        }
    }

    mutating func run() async throws {
        try await run(in: .standard)
    }

    /// The wire form of one name's parse.
    static func parsed(_ name: String) -> ParsedReleaseDTO {
        ParsedReleaseDTO(ReleaseNameParser.parse(name))
    }
}

import ArgumentParser
import Foundation
import UpshiftCore

/// `upshift parse [NAME ...]`: what each release name states, one JSON object per line (SPEC §3).
struct ParseCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print what release names state, one JSON object per line.",
        discussion: """
            Each NAME, or each non-empty line of standard input when no NAME is given, is parsed \
            and printed in input order as one JSON object with exactly these keys: name, kind, \
            title, year, resolution, source, remux, dv, dvProfile, dvLayer, hdr10, hdr10Plus, hlg, \
            atmos, audio, channels, codec, group. Unknown values are null, absent flags false. \
            parse reads no settings; --config is accepted as on every command.

            Examples:
              upshift parse 'Heat.1995.2160p.BluRay.REMUX.DV.FEL.TrueHD.Atmos-GRP'
              cat names.txt | upshift parse
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// The release names; none means "read standard input".
    @Argument(
        help: ArgumentHelp(
            "Release names. With none, each non-empty line of standard input is one name.",
            valueName: "name"))
    var names: [String] = []

    /// Does the work, writing through `context.output`.
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

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }

    /// The wire form of one name's parse.
    static func parsed(_ name: String) -> ParsedReleaseDTO {
        ParsedReleaseDTO(ReleaseNameParser.parse(name))
    }
}

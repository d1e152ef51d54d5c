import ArgumentParser
import UpshiftCore
import UpshiftServices
import UpshiftSettings

/// `upshift check NAME --current JSON|none`: the decision the daemon would take (SPEC §5).
struct CheckCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge one release against the copy you have and print the decision as JSON.",
        discussion: """
            Parses NAME, compares it with the current copy given by --current under the rule \
            settings of the settings file, and prints one line: \
            {"notify": bool, "kind": "...", "reason": "...", "gains": [...]}.

            --current is a JSON object with the quality fields resolution, dv, dvProfile, dvLayer, \
            hdr10, hdr10Plus, hlg, atmos, audio, channels, source, remux, codec and sizeBytes; a \
            missing key means null/false, and dvProfile or dvLayer alone imply "dv": true. Use \
            --current none for a movie that is not in the library.

            Example:
              upshift check 'Heat.1995.2160p.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos-GRP' \\
                --current '{"resolution": "2160p", "dv": true, "dvProfile": 5}'
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// The release name to judge.
    @Argument(help: "The release name.")
    var name: String

    /// The current copy's quality, or `none`.
    @Option(
        help: ArgumentHelp(
            "The current copy's quality as a JSON object, or none when the movie is not "
                + "in the library.", valueName: "json|none"))
    var current: String

    /// The release's size, which the `max_size_gb` filter reads.
    @Option(help: ArgumentHelp("The release's size in bytes (for max_size_gb).", valueName: "bytes"))
    var size: Int64?

    /// The release's seeders, which the `min_seeders` filter reads.
    @Option(help: ArgumentHelp("The release's seeders, when known (for min_seeders).", valueName: "n"))
    var seeders: Int?

    /// Rejects negative numbers as usage errors.
    func validate() throws {
        if let size, size < 0 { throw ValidationError("--size must be 0 or more, got \(size).") }
        if let seeders, seeders < 0 { throw ValidationError("--seeders must be 0 or more, got \(seeders).") }
    }

    /// Does the work, writing through `context.output`.
    func run(in context: CLIContext) async throws {
        let currentQuality = try CurrentQualityDTO.decode(current)
        let settings = try await global.loadSettings(context: context).settings
        var release = ReleaseNameParser.parse(name)
        if let size { release.quality.sizeBytes = size }
        let decision = UpgradeRules(settings: settings.ruleSettings)
            .decide(release, current: currentQuality, seeders: seeders)
        await context.output.write(try JSONLine().string(DecisionDTO(decision)))
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

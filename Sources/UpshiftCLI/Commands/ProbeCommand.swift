import ArgumentParser
import UpshiftProbe

/// `upshift probe PATH...`: the Dolby Vision profile and FEL/MEL read from each file's own bytes,
/// one JSON object per line.
struct ProbeCommand: UpshiftCommand {
    /// Name, abstract and help text.
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Read the Dolby Vision profile and FEL/MEL from film files' own bytes.",
        discussion: """
            Each PATH (Matroska or MP4, whatever its name says) is read in a few small ranges: the \
            head, the track list and the end of the first video frame, where the Dolby Vision RPU \
            is. One JSON object per file is printed in argument order, with exactly these keys: \
            path, container, dv, dvProfile, dvLayer, bytesRead, error. dvLayer (FEL or MEL) comes \
            only from a valid RPU of a profile 7 stream. The exit status is 1 when any file could \
            not be read; probe reads no settings.

            Example:
              upshift probe '/movies/Heat (1995)/Heat.mkv'
            """
    )

    /// `--config`.
    @OptionGroup var global: GlobalOptions

    /// The files.
    @Argument(help: ArgumentHelp("Film files to read.", valueName: "path"))
    var paths: [String]

    /// Probes each file in order, writing through `context.output`; throws when any had an error.
    func run(in context: CLIContext) async throws {
        let line = JSONLine()
        var failures: [CLIError] = []
        for path in paths {
            let report = await DolbyVisionProbe.probe(FileByteSource(path: path))
            await context.output.write(try line.string(ProbeReportDTO(path: path, report: report)))
            if let error = report.error { failures.append(.failed("\(path): \(error)")) }
        }
        if failures.count == 1 { throw failures[0] }
        if !failures.isEmpty { throw CLIError.several(failures) }
    }

    /// Runs against the process's standard streams and environment.
    mutating func run() async throws {
        try await run(in: .standard)
    }
}

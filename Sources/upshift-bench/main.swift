import Foundation
import UpshiftCore

// upshift-bench: speed figures of SPEC §11, measured on one thread in a release build.
//   upshift-bench parse FILE [SECONDS]   names parsed per second over every line of FILE
//   upshift-bench decide [SECONDS]       parse + match (50,000-movie library) + rules per second
//   upshift-bench memory                 resident memory of `upshift serve`, idle, 50,000 movies
//   upshift-bench probe [SECONDS]        generated MKV/MP4 films probed per second from the page cache
// The last line printed is the figure: `names_per_second: N`, `decisions_per_second: N`, `peak_rss_mb: N`
// or `files_per_second: N`.

let arguments = CommandLine.arguments.dropFirst()
let usage =
    "usage: upshift-bench parse FILE [SECONDS] | upshift-bench decide [SECONDS] | upshift-bench memory"
    + " | upshift-bench probe [SECONDS]"

func seconds(_ text: String?) -> Double {
    guard let text else { return 2 }
    guard let value = Double(text), value > 0 else {
        FileHandle.standardError.write(Data("upshift-bench: SECONDS must be a positive number, got \(text)\n".utf8))
        exit(2)
    }
    return value
}

switch arguments.first {
case "parse":
    guard let path = arguments.dropFirst().first else {
        FileHandle.standardError.write(Data("\(usage)\n".utf8))
        exit(2)
    }
    do {
        let names = try BenchInput.names(fromFile: path)
        ParseBenchmark(names: names).run(seconds: seconds(arguments.dropFirst(2).first))
    } catch {
        FileHandle.standardError.write(Data("upshift-bench: \(error)\n".utf8))
        exit(1)
    }
case "decide":
    DecideBenchmark().run(seconds: seconds(arguments.dropFirst().first))
case "probe":
    do {
        try await ProbeBenchmark().run(seconds: seconds(arguments.dropFirst().first))
    } catch {
        FileHandle.standardError.write(Data("upshift-bench: \(error)\n".utf8))
        exit(1)
    }
case "memory":
    do {
        try await MemoryBenchmark().run()
    } catch {
        FileHandle.standardError.write(Data("upshift-bench: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("\(usage)\n".utf8))
    exit(2)
}

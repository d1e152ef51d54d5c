import UpshiftCore

/// Release names parsed per second on one thread (SPEC §11 target: ≥ 2,000,000/s).
struct ParseBenchmark {
    let names: [String]

    func run(seconds: Double) {
        var checksum = 0
        let (operations, elapsed) = measure(seconds: seconds) {
            for name in names {
                let parsed = ReleaseNameParser.parse(name)
                // Every output field feeds the checksum, so no part of the parse can be dropped as unused.
                checksum &+= (parsed.year ?? 0) &+ (parsed.quality.dv ? 1 : 0) &+ (parsed.title?.utf8.count ?? 0)
                checksum &+= (parsed.group?.utf8.count ?? 0) &+ (parsed.kind == .movie ? 1 : 2)
                checksum &+= (parsed.quality.resolution?.lines ?? 0) &+ (parsed.quality.audio == nil ? 0 : 3)
            }
            return names.count
        }
        blackHole(checksum)
        let rate = Double(operations) / elapsed
        print("names: \(names.count)")
        print("parsed: \(operations) in \(String(format3(elapsed))) s")
        print("ns_per_name: \(String(format3(1e9 / rate)))")
        print("names_per_second: \(Int(rate))")
    }
}

/// A number with three decimals, without Foundation's formatters.
func format3(_ value: Double) -> String {
    let scaled = Int((value * 1000).rounded())
    let fraction = String(scaled % 1000)
    return "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}

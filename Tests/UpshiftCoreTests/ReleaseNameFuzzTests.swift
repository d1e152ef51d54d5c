import Testing
import UpshiftCore

/// Random and adversarial names: the parser must never crash or hang, and what it reports must be
/// consistent whatever the input.
@Suite(.timeLimit(.minutes(2))) struct ReleaseNameFuzzTests {
    /// A small deterministic generator (xorshift64*), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Fragments that drive every multi-token rule to the end of the name and past it.
    static let fragments = [
        "DTS", "HD", "MA", "X", "ES", "HRA", "Master", "5", "1", "7", "0", "2", "10", "264", "265", "Plus", "BL", "EL",
        "RPU", "P7", "P8", "DV", "FEL", "MEL", "HDR", "HDR10", "Profile", "Dolby", "Vision", "True", "E", "AC", "AC3",
        "DD", "DDP5", "Atmos7", "H", "VC", "MPEG", "Blu", "ray", "WEB", "DL", "S01E01", "S01", "1x02", "2019", "1917",
        "2160p", "4K", "REMUX", "x265", "Cut", "Directors", "AKA", "1ch", "Ø", "碟", "é", "\u{0}", "\u{7}", "\t",
    ]
    static let separators = [".", " ", "-", "_", "+", "[", "]", "(", ")", "{", "}", ",", "/", ":", "..", " - ", "+."]

    static func adversarialNames() -> [String] {
        var names = ["", " ", ".", "-", "+", "[]", "()", "-.-", "S01", "2019", "DTS-HD", "BL+", "HDR.10", "Profile"]
        for repeated in ["]", "[", "-", ".", "+", "9", "a", "DTS-HD.", "BL+EL+", "[x]", "(", ")"] {
            names.append(String(repeating: repeated, count: 10_240 / repeated.utf8.count))
        }
        var generator = Generator(state: 0x5EED)
        for _ in 0..<8 {
            names.append(String((0..<10_240).map { _ in Character(Unicode.Scalar(UInt8(32 + generator.below(95)))) }))
        }
        for _ in 0..<8 {
            let bytes = (0..<10_240).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            names.append(String(decoding: bytes, as: UTF8.self))  // invalid UTF-8 is repaired by String
        }
        return names
    }

    static func check(_ name: String) {
        let parsed = ReleaseNameParser.parse(name)
        #expect(parsed.name == name)
        #expect(parsed == ReleaseNameParser.parse(name), "parse is deterministic")
        let quality = parsed.quality
        if quality.dvProfile != nil || quality.dvLayer != nil { #expect(quality.dv, "profile or layer without DV: \(name)") }
        if quality.dvLayer != nil { #expect(quality.dvProfile == .p7, "a layer needs profile 7: \(name)") }
        if let year = parsed.year { #expect((1888...2039).contains(year), "year \(year) out of range: \(name)") }
        if let title = parsed.title { #expect(!title.isEmpty, "empty title: \(name)") }
        if let group = parsed.group { #expect(!group.isEmpty && name.contains(group), "group not in name: \(name)") }
        if parsed.kind == .episode { #expect(name.lowercased().contains(where: { $0 == "s" || $0 == "x" })) }
    }

    @Test func adversarialInputs() {
        for name in Self.adversarialNames() { Self.check(name) }
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomFragmentNames(seed: UInt64) {
        var generator = Generator(state: seed &* 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<5_000 {
            var name = ""
            for _ in 0..<(1 + generator.below(14)) {
                name += Self.fragments[generator.below(Self.fragments.count)]
                name += Self.separators[generator.below(Self.separators.count)]
            }
            if generator.below(2) == 0 { name.removeLast() }
            Self.check(name)
        }
    }

    @Test func randomScalars() {
        var generator = Generator(state: 42)
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<generator.below(120) {
                if let scalar = Unicode.Scalar(UInt32(generator.below(0x2_0000))) { scalars.append(scalar) }
            }
            Self.check(String(scalars))
        }
    }
}

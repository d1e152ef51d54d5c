import Testing

@testable import UpshiftCore

/// The LABELS.md comparison form and the matching key.
@Suite struct TitleNormalizerTests {
    /// Pairs that must normalise to the same string.
    static let equal: [(String, String)] = [
        ("The King's Speech", "The.Kings.Speech"),
        ("The King's Speech", "THE KINGS SPEECH"),
        ("The King’s Speech", "The Kings Speech"),
        ("The King‘s Speech", "The Kings Speech"),
        ("The King`s Speech", "The Kings Speech"),
        ("Don´t Look Up", "Dont.Look.Up"),
        ("Spider-Man", "Spider Man"),
        ("Spider-Man: No Way Home", "Spider.Man.No.Way.Home"),
        ("50/50", "50.50"),
        ("3:10 to Yuma", "3.10.to.Yuma"),
        ("V/H/S/2", "V H S 2"),
        ("R.I.P.D.", "R I P D"),
        ("Rashômon", "Rashomon"),
        ("Amélie", "AMELIE"),
        ("Ame\u{301}lie", "Amélie"),
        ("Fast & Furious", "Fast and Furious"),
        ("Fast&Furious", "fast and furious"),
        ("Law & Order", "LAW.AND.ORDER"),
        ("Crouching Tiger, Hidden Dragon", "crouching_tiger-hidden__dragon"),
        ("  Heat  ", "heat"),
        ("WALL·E", "WALL-E"),
        ("Léon: The Professional", "Leon The Professional"),
        ("Łódź", "Lodz"),
        ("Smørrebrød", "Smorrebrod"),
        ("Straße", "STRASSE"),
        ("Æon Flux", "Aeon Flux"),
        ("Cœur", "Coeur"),
        ("Þór", "Thor"),
        ("Đorđe", "Dorde"),
        ("Ñandú", "Nandu"),
        ("Ça ira", "Ca ira"),
        ("Việt Nam", "Viet Nam"),
        ("Şişli", "Sisli"),
        ("İstanbul", "istanbul"),
        ("Ǿ", "ø"),
        ("ﬁnding nemo", "Finding Nemo"),
        ("Rocky Ⅱ", "Rocky II"),
        ("Ｓｐｉｄｅｒ－Ｍａｎ", "Spider Man"),
        ("碟中谍8：最终清算", "碟中谍8:最终清算"),
        ("碟中谍8：最终清算", "碟中谍8 最终清算"),
        ("ΟΔΥΣΣΕΑΣ", "Οδυσσέας"),
        ("Ёлки", "ЕЛКИ"),
        ("が", "か\u{3099}"),  // canonically equivalent: the voicing mark is spelling, not an accent
        ("한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}"),  // Hangul syllables and their jamo
        ("\u{212B}", "a"),  // ANGSTROM SIGN lower-cases to å, which folds to a
    ]

    /// Pairs that must stay different.
    static let different: [(String, String)] = [
        ("Blade Runner", "Blade Runner 2049"),
        ("Dune", "Dune Part Two"),
        ("The Thing", "Thing"),
        ("Alien", "Aliens"),
        ("Us", "U.S."),
        ("Se7en", "Seven"),
        ("1917", "1918"),
        ("Her", "Hero"),
        ("碟中谍8", "碟中谍7"),
        ("Crash", "Crush"),
        ("ガンダム", "カンダム"),
    ]

    /// Inputs and their exact comparison form.
    static let forms: [(String, String)] = [
        ("The King's Speech", "the kings speech"),
        ("Fast & Furious", "fast and furious"),
        ("&", "and"),
        ("Rock 'n' Roll", "rock n roll"),
        ("Mission: Impossible – Dead Reckoning", "mission impossible dead reckoning"),
        ("碟中谍8：最终清算", "碟中谍8 最终清算"),
        ("Амели", "амели"),
        ("दंगल", "दंगल"),
        ("8½", "81 2"),  // NFKD: ½ is 1⁄2, written straight after the 8
        ("", ""),
        ("   ", ""),
        ("\t\n", ""),
        ("...---...", ""),
        ("'''", ""),
    ]

    /// Titles and their matching key.
    static let keys: [(String, String)] = [
        ("The Thing", "thing"),
        ("THE.THING", "thing"),
        ("A Quiet Place", "quiet place"),
        ("An American Werewolf in London", "american werewolf in london"),
        ("The A-Team", "a team"),
        ("The", "the"),
        ("A", "a"),
        ("An", "an"),
        ("  The  ", "the"),
        ("Them!", "them"),
        ("Another Earth", "another earth"),
        ("Theory of Everything", "theory of everything"),
        ("Thé Thing", "thing"),
        ("Annie", "annie"),
        ("", ""),
    ]

    @Test(arguments: equal)
    func normalisesEqual(_ pair: (String, String)) {
        #expect(TitleNormalizer.normalize(pair.0) == TitleNormalizer.normalize(pair.1))
    }

    @Test(arguments: different)
    func keepsDifferent(_ pair: (String, String)) {
        #expect(TitleNormalizer.normalize(pair.0) != TitleNormalizer.normalize(pair.1))
    }

    @Test(arguments: forms)
    func comparisonForm(_ pair: (String, String)) {
        #expect(TitleNormalizer.normalize(pair.0) == pair.1)
    }

    @Test(arguments: keys)
    func matchKey(_ pair: (String, String)) {
        #expect(TitleNormalizer.matchKey(pair.0) == pair.1)
    }

    @Test func foldedSplitsKeyAndArticle() {
        let folded = TitleNormalizer.folded("The.Thing")
        #expect(folded.key == "thing")
        #expect(folded.article == .the)
        #expect(TitleNormalizer.folded("Thing").article == LeadingArticle.none)
    }

    @Test func longInput() {
        let unit = "The King’s Speech & Amélie: 碟中谍8 — "
        let long = String(repeating: unit, count: 10_240 / unit.utf8.count + 1)
        let ascii = String(repeating: "The Kings Speech and Amelie 碟中谍8 ", count: 10_240 / unit.utf8.count + 1)
        #expect(long.utf8.count >= 10_240)
        #expect(TitleNormalizer.normalize(long) == TitleNormalizer.normalize(ascii))
        #expect(TitleNormalizer.normalize(String(repeating: "a&", count: 5_120)).utf8.count == 5_120 * 6 - 1)
        #expect(TitleNormalizer.normalize(String(repeating: ".-", count: 5_120)) == "")
    }

    /// Random ASCII: the byte fast path and the scalar path agree.
    @Test func asciiFastPathAgreesWithScalarPath() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let length = Int(random.next() % 40)
            var title = ""
            for _ in 0..<length {
                title.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: random.next() % 128)))
            }
            let scalarPath = String(decoding: TitleNormalizer.foldUnicode(title), as: UTF8.self)
            #expect(TitleNormalizer.normalize(title) == scalarPath, "\(Array(title.utf8))")
        }
    }

    /// Any scalars at all: no crash, a well-formed result, and normalising twice changes nothing.
    @Test func scalarSoup() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            var title = ""
            for _ in 0..<Int(random.next() % 24) {
                let value: UInt32
                switch random.next() % 4 {
                case 0: value = UInt32(random.next() % 0x80)
                case 1: value = UInt32(0x80 + random.next() % 0x2000)
                case 2: value = UInt32(0xFF00 + random.next() % 0x100)
                default: value = UInt32(random.next() % 0x11_0000)
                }
                if let scalar = Unicode.Scalar(value) { title.unicodeScalars.append(scalar) }
            }
            let form = TitleNormalizer.normalize(title)
            #expect(!form.hasPrefix(" ") && !form.hasSuffix(" ") && !form.contains("  "))
            #expect(!form.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
            #expect(TitleNormalizer.normalize(form) == form, "\(title.unicodeScalars.map(\.value))")
            #expect(TitleNormalizer.matchKey(title) == TitleNormalizer.matchKey(form))
        }
    }
}

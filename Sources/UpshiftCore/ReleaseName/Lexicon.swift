/// Every token spelling the parser knows, in a perfect-hash table built once.
///
/// Spellings follow corpus/LABELS.md. Glued forms (`DDP5`, `Atmos7`, `TrueHDA7`, `HDR10x265`) are
/// entries of their own, generated from their stems, so the reader never re-splits a token.
///
/// A key is the packed bytes of a spelling (tokens hold no NUL, so the two words alone identify a spelling of up
/// to ``TokenKey/maxLength`` bytes). At start-up, multipliers are searched for that send every spelling to its own
/// slot of a byte table (``slotBits`` bits); a look-up is then one hash, one byte read (the word number plus one, 0
/// for none) and one compare with that word's key, whatever the token: no probing, and both tables are small
/// enough to stay in the first-level cache. The memory is allocated once and never freed nor written after `init`,
/// so copies of the value share it without reference counting (hence `@unchecked Sendable`).
struct Lexicon: @unchecked Sendable {
    /// The shared table (built on first use, thread-safe).
    static let shared = Lexicon()

    /// Slot table size, as a power of two: 4,096 one-byte slots for about 250 spellings.
    static let slotBits = 12
    private struct Key {
        var low: UInt64
        var high: UInt64
    }
    /// Word number + 1 for each slot, 0 for an empty slot.
    private let slots: UnsafeMutablePointer<UInt8>
    /// The key of each word, after an impossible key (all zero) at index 0 that empty slots lead to.
    private let keys: UnsafeMutablePointer<Key>
    private let lowMultiplier: UInt64
    private let highMultiplier: UInt64
    /// The words, indexed by word number.
    private let effects: UnsafeMutablePointer<WordEffects>
    /// Number of words.
    let wordCount: Int
    /// The bytes of a key of each length, for ``TokenKey/init(packing:_:masks:)``.
    let keyMasks: UnsafeMutablePointer<TokenKey.KeyMask>
    /// 256 bytes: 1 for a byte that separates tokens (``Token/isDelimiter(_:)``), else 0.
    let delimiters: UnsafeMutablePointer<UInt8>

    /// Index of `key`'s word, or -1.
    @inline(__always)
    func lookup(_ key: TokenKey) -> Int16 {
        guard key.length <= TokenKey.maxLength else { return -1 }
        let number = Int(slots[Self.slot(key.low, key.high, lowMultiplier, highMultiplier)])
        let candidate = keys[number]
        return candidate.low == key.low && candidate.high == key.high ? Int16(truncatingIfNeeded: number) - 1 : -1
    }

    /// The word at `index` (a value ``lookup(_:)`` returned, so ≥ 0).
    @inline(__always)
    func word(_ index: Int16) -> WordEffects {
        effects[Int(index)]
    }

    /// The slot of a key (top bits of a multiplicative hash).
    @inline(__always)
    private static func slot(_ low: UInt64, _ high: UInt64, _ lowMultiplier: UInt64, _ highMultiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low &* lowMultiplier) &+ (high &* highMultiplier)) >> UInt64(64 - slotBits))
    }

    private init() {
        var words: [WordEffects] = []
        var keys: [Key] = [Key(low: 0, high: 0)]
        for (spellings, word) in Self.entries() {
            for spelling in spellings {
                let key = TokenKey(spelling)
                precondition(key.length > 0 && key.length <= TokenKey.maxLength, "spelling \(spelling) too long")
                precondition(!spelling.utf8.contains(0), "lexicon spelling \(spelling) holds NUL")
                // The tokenizer looks up no all-digit token.
                precondition(spelling.utf8.contains { $0 &- UInt8(ascii: "0") >= 10 }, "all-digit spelling \(spelling)")
                let duplicate = keys.contains { $0.low == key.low && $0.high == key.high }
                precondition(!duplicate, "duplicate lexicon spelling \(spelling)")
                keys.append(Key(low: key.low, high: key.high))
                words.append(WordEffects(word))
            }
        }
        precondition(keys.count <= 255, "lexicon word numbers must fit a byte")

        // Multipliers that give every key a slot of its own: a fixed sequence of odd candidates, so every run
        // builds the same table (six tries for the 227 spellings of today; a few hundred are expected).
        let slotCount = 1 << Self.slotBits
        var taken = [Bool](repeating: false, count: slotCount)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func nextOdd() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state ^ (state >> 29)) | 1
        }
        var multipliers: (UInt64, UInt64) = (0, 0)
        search: for _ in 0..<1_000_000 {
            let candidate = (nextOdd(), nextOdd())
            for index in taken.indices { taken[index] = false }
            for key in keys.dropFirst() {
                let slot = Self.slot(key.low, key.high, candidate.0, candidate.1)
                if taken[slot] { continue search }
                taken[slot] = true
            }
            multipliers = candidate
            break
        }
        precondition(multipliers.0 != 0, "no perfect hash found for the lexicon")
        lowMultiplier = multipliers.0
        highMultiplier = multipliers.1

        slots = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        for (number, key) in keys.enumerated().dropFirst() {
            slots[Self.slot(key.low, key.high, lowMultiplier, highMultiplier)] = UInt8(number)
        }
        self.keys = UnsafeMutablePointer<Key>.allocate(capacity: keys.count)
        self.keys.initialize(from: keys, count: keys.count)
        effects = UnsafeMutablePointer<WordEffects>.allocate(capacity: words.count)
        effects.initialize(from: words, count: words.count)
        wordCount = words.count
        let masks = TokenKey.KeyMask.table()
        keyMasks = UnsafeMutablePointer<TokenKey.KeyMask>.allocate(capacity: masks.count)
        keyMasks.initialize(from: masks, count: masks.count)
        delimiters = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 { delimiters[byte] = Token.isDelimiter(UInt8(byte)) ? 1 : 0 }
    }

    // MARK: - Entries

    static func entries() -> [([String], Word)] {
        var list: [([String], Word)] = []
        let tech = Word().with { $0.endsTitle = true }
        let strong = tech.with { $0.strong = true }

        // Resolution.
        for resolution in Resolution.allCases {
            list.append(([resolution.rawValue], strong.with { $0.resolution = resolution }))
        }
        list.append((["1080i", "1440p", "4320p", "540p", "360p"], strong.with { $0.otherResolution = true }))
        list.append((["4k"], strong.with { $0.is4K = true }))
        list.append((["uhd"], tech))

        // Source and remux.
        list.append((["bluray", "bd", "bd25", "bd50", "bd66"], strong.with { $0.source = .bluRay }))
        list.append((["bdrip", "brrip"], strong.with { $0.source = .bluRay; $0.encode = true }))
        list.append((["bdremux"], strong.with { $0.source = .bluRay; $0.remux = true }))
        list.append((["remux", "uhdremux"], strong.with { $0.remux = true }))
        list.append((["webdl"], strong.with { $0.source = .webDL; $0.encode = true }))
        list.append((["webrip"], strong.with { $0.source = .webRip; $0.encode = true }))
        list.append((["hdtv", "hdtvrip"], strong.with { $0.source = .hdtv; $0.encode = true }))
        list.append((["dvd"], strong.with { $0.source = .dvd }))
        list.append((["dvdrip"], strong.with { $0.source = .dvd; $0.encode = true }))
        list.append((["hdrip"], strong.with { $0.encode = true }))
        list.append((["bdmv", "uhdrip"], strong))
        list.append((["blu"], .part(.blu, endsTitle: true)))
        list.append((["ray"], .part(.ray)))
        list.append((["web"], .part(.web)))
        list.append((["dl"], .part(.dl)))

        // Dolby Vision.
        list.append((["dv", "dovi", "dolbyvision"], tech.with { $0.dv = true }))
        for profile in DVProfile.allCases {
            let word = tech.with { $0.dv = true; $0.dvProfile = profile }
            list.append((["dv\(profile.rawValue)", "p\(profile.rawValue)"], word))
        }
        list.append((["fel"], tech.with { $0.dv = true; $0.dvProfile = .p7; $0.dvLayer = .fel }))
        list.append((["mel"], tech.with { $0.dv = true; $0.dvProfile = .p7; $0.dvLayer = .mel }))
        list.append((["dolby"], .part(.dolby)))
        list.append((["vision"], .part(.vision)))
        list.append((["profile"], .part(.profile)))
        list.append((["bl"], .part(.bl)))
        list.append((["el"], .part(.el)))
        list.append((["rpu"], .part(.rpu)))

        // HDR.
        list.append((["hdr"], .part(.hdr, endsTitle: true)))
        list.append((["hdr10"], .part(.hdr10, endsTitle: true)))
        list.append((["hdr10plus", "hdr10p"], tech.with { $0.hdr10Plus = true }))
        list.append((["plus"], .part(.plus)))
        list.append((["hlg"], tech.with { $0.hlg = true }))
        list.append((["sdr", "pq"], tech))
        for codec in [VideoCodec.x265, .x264] {
            list.append((["hdr10\(codec.rawValue)"], strong.with { $0.hdr10 = true; $0.codec = codec; $0.encode = true }))
        }

        // Audio: codecs, with their glued channel-major forms.
        list.append((["atmos"], tech.with { $0.atmos = true }))
        appendGlued(&list, ["atmos"], tech.with { $0.atmos = true })
        appendGlued(&list, ["truehd"], tech.with { $0.audio = .trueHD })
        appendGlued(&list, ["truehda"], tech.with { $0.audio = .trueHD; $0.atmos = true })
        appendGlued(&list, ["ddp", "eac3"], tech.with { $0.audio = .ddPlus })
        appendGlued(&list, ["ddpa"], tech.with { $0.audio = .ddPlus; $0.atmos = true })
        appendGlued(&list, ["aac"], tech.with { $0.audio = .aac })
        appendGlued(&list, ["flac"], tech.with { $0.audio = .flac })
        appendGlued(&list, ["lpcm", "pcm"], tech.with { $0.audio = .lpcm })
        appendGlued(&list, ["opus"], tech.with { $0.audio = .opus })
        // `DD` alone depends on a following `+` or `EX`; its glued forms are plain DD.
        list.append((["dd"], .part(.dd, endsTitle: true)))
        for major in [1, 2, 5, 6, 7] {
            list.append((["dd\(major)"], tech.with { $0.audio = .dd; $0.channelMajor = UInt8(major) }))
        }
        list.append((["dd51", "dd71", "dolbyd"], tech.with { $0.audio = .dd }))
        list.append((["ac3"], Word.part(.ac3, endsTitle: true).with { $0.audio = .dd }))
        list.append((["ex"], .part(.ex)))
        list.append((["e"], .part(.e)))
        list.append((["ac"], .part(.ac)))
        list.append((["dts"], .part(.dts, endsTitle: true)))
        list.append((["dtshd"], .part(.dtsHD, endsTitle: true)))
        list.append((["dtshdma"], tech.with { $0.audio = .dtsHDMA }))
        list.append((["dtsx", "dts:x"], tech.with { $0.audio = .dtsX }))
        list.append((["hd"], .part(.hd)))
        list.append((["hdma"], .part(.hdma)))
        list.append((["ma"], .part(.ma)))
        for major in [2, 5, 7] {
            list.append((["ma\(major)"], Word.part(.ma).with { $0.channelMajor = UInt8(major) }))
        }
        list.append((["master"], .part(.master)))
        list.append((["x"], .part(.x)))
        list.append((["hr", "hra"], .part(.hr)))
        list.append((["es"], .part(.es)))
        list.append((["true"], .part(.trueWord)))
        list.append((["0ch"], Word.part(.channelMinor).with { $0.minor = 0 }))
        list.append((["1ch"], Word.part(.channelMinor).with { $0.minor = 1 }))

        // Video codec.
        list.append((["x265"], strong.with { $0.codec = .x265; $0.encode = true }))
        list.append((["x264"], strong.with { $0.codec = .x264; $0.encode = true }))
        list.append((["xvid"], strong.with { $0.encode = true }))
        list.append((["hevc", "h265", "hevc10"], strong.with { $0.codec = .hevc }))
        list.append((["avc", "h264"], strong.with { $0.codec = .avc }))
        list.append((["av1"], strong.with { $0.codec = .av1 }))
        list.append((["vc1"], strong.with { $0.codec = .vc1 }))
        list.append((["mpeg2"], strong.with { $0.codec = .mpeg2 }))
        list.append((["h"], .part(.h)))
        list.append((["vc"], .part(.vc)))
        list.append((["mpeg"], .part(.mpeg)))

        // Words that close a title: editions and languages.
        list.append((Self.editionWords, .part(.edition, endsTitle: true)))
        list.append((Self.editionQualifiers, .part(.editionQualifier, endsTitle: true)))
        list.append((["cut", "edition", "collection"], .part(.editionCut)))
        list.append((Self.languageWords, .part(.language, endsTitle: true)))
        list.append((["aka"], .part(.aka)))
        list.append((["season"], .part(.season)))
        return list
    }

    /// Adds `stem` and `stem1`/`stem2`/`stem5`/`stem6`/`stem7` (glued channel majors).
    private static func appendGlued(_ list: inout [([String], Word)], _ stems: [String], _ word: Word) {
        for stem in stems {
            if stem != "atmos" { list.append(([stem], word)) }
            for major in [1, 2, 5, 6, 7] {
                list.append((["\(stem)\(major)"], word.with { $0.channelMajor = UInt8(major) }))
            }
        }
    }

    /// Edition and release tags that may stand alone between a title and its year.
    static let editionWords = [
        "extended", "theatrical", "unrated", "uncut", "remastered", "imax", "dc", "proper", "repack",
    ]

    /// Words that are an edition tag only before `Cut`, `Edition` or `Collection` (`Directors Cut`,
    /// `Special Edition`, `Criterion Collection`); alone they may be title words.
    static let editionQualifiers = [
        "directors", "director's", "director’s", "director‘s", "special", "collectors", "collector's",
        "anniversary", "criterion", "ultimate", "limited",
    ]

    /// Language tags that end a title in names without a year.
    static let languageWords = [
        "french", "truefrench", "vff", "vfq", "vfi", "vof", "vf2", "german", "multi", "multisub", "ita",
        "italian", "eng", "english", "spanish", "latino", "hindi", "korean", "japanese", "russian", "dutch",
        "swedish", "pl", "plsub", "subbed", "dual", "dublado",
    ]
}

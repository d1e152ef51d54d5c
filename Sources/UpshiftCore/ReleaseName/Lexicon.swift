/// Every token spelling the parser knows, in a fixed open-addressing table built once.
///
/// Spellings follow corpus/LABELS.md. Glued forms (`DDP5`, `Atmos7`, `TrueHDA7`, `HDR10x265`) are
/// entries of their own, generated from their stems, so the reader never re-splits a token.
///
/// The table lives in memory allocated once and never freed nor written after `init`, so copies of
/// the value share it without reference counting (hence `@unchecked Sendable`). A slot holds the
/// packed bytes of its spelling: tokens hold no NUL byte (a delimiter), so the two words alone
/// identify a spelling of up to ``TokenKey/maxLength`` bytes, and an all-zero slot is empty.
struct Lexicon: @unchecked Sendable {
    /// The shared table (built on first use, thread-safe).
    static let shared = Lexicon()

    /// Slots of the table: a power of two, about four times the number of spellings.
    private static let capacity = 1024
    private struct Slot {
        var low: UInt64
        var high: UInt64
        /// Index of the word in ``effects``.
        var value: Int16
    }
    private let slots: UnsafeMutablePointer<Slot>
    /// The words, indexed by the values of the table.
    private let effects: UnsafeMutablePointer<WordEffects>
    /// Number of words.
    let wordCount: Int
    /// 256 bytes: 1 for a byte that separates tokens (``Token/isDelimiter(_:)``), else 0.
    let delimiters: UnsafeMutablePointer<UInt8>

    /// Index of `key`'s word, or -1.
    @inline(__always)
    func lookup(_ key: TokenKey) -> Int16 {
        guard key.length <= TokenKey.maxLength else { return -1 }
        let mask = Self.capacity - 1
        var slot = Self.slot(key) & mask
        while true {
            let candidate = slots[slot]
            if candidate.low == key.low && candidate.high == key.high { return candidate.value }
            if candidate.low == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The word at `index` (a value ``lookup(_:)`` returned, so ≥ 0).
    @inline(__always)
    func word(_ index: Int16) -> WordEffects {
        effects[Int(index)]
    }

    /// The home slot of a key (top bits of a multiplicative hash).
    @inline(__always)
    private static func slot(_ key: TokenKey) -> Int {
        Int(truncatingIfNeeded: ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) >> 48)
    }

    private init() {
        var words: [WordEffects] = []
        var keys: [TokenKey] = []
        var values: [Int16] = []
        for (spellings, word) in Self.entries() {
            for spelling in spellings {
                let key = TokenKey(spelling)
                precondition(key.length > 0 && key.length <= TokenKey.maxLength, "lexicon spelling \(spelling) too long")
                precondition(!spelling.utf8.contains(0), "lexicon spelling \(spelling) holds NUL")
                // The tokenizer looks up no all-digit token.
                precondition(spelling.utf8.contains { $0 &- UInt8(ascii: "0") >= 10 }, "all-digit spelling \(spelling)")
                precondition(!keys.contains(key), "duplicate lexicon spelling \(spelling)")
                keys.append(key)
                values.append(Int16(words.count))
                words.append(WordEffects(word))
            }
        }
        precondition(keys.count * 2 < Self.capacity, "lexicon table too full")
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: Self.capacity)
        slots.initialize(repeating: Slot(low: 0, high: 0, value: -1), count: Self.capacity)
        for (key, value) in zip(keys, values) {
            var slot = Self.slot(key) & (Self.capacity - 1)
            while slots[slot].low != 0 { slot = (slot + 1) & (Self.capacity - 1) }
            slots[slot] = Slot(low: key.low, high: key.high, value: value)
        }
        let effects = UnsafeMutablePointer<WordEffects>.allocate(capacity: words.count)
        effects.initialize(from: words, count: words.count)
        self.slots = slots
        self.effects = effects
        self.wordCount = words.count
        delimiters = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 { delimiters[byte] = Token.isDelimiter(UInt8(byte)) ? 1 : 0 }
    }

    // MARK: - Entries

    private static func entries() -> [([String], Word)] {
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

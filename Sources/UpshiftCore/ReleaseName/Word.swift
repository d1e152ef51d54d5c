/// What one lower-cased token of a release name means on its own (see ``Lexicon``).
///
/// A word carries its static effects (a glued `DDP5` is DD+ with channel major 5) and, for tokens
/// that only mean something next to others (`DTS` `HD` `MA`, `BL` `+` `EL`), a ``Word/Part`` that
/// the technical reader combines with the following tokens.
struct Word: Sendable {
    /// A role that needs the neighbouring tokens to mean something.
    enum Part: UInt8, Sendable {
        case none
        case blu, ray, web, dl, dts, dtsHD, hd, hdma, ma, master, x, hr, es
        case trueWord, dolby, vision, h, vc, mpeg, ac, ac3, e, ex, dd
        case hdr, hdr10, plus, profile, bl, el, rpu
        case channelMinor
        case edition, editionQualifier, editionCut, language, aka, season
    }

    var part: Part = .none
    /// For `.channelMinor` tokens such as `1ch`: the minor digit.
    var minor: UInt8 = 0
    var resolution: Resolution?
    /// An explicit resolution token outside the model (`1080i`, `1440p`): blocks a guess.
    var otherResolution = false
    var is4K = false
    var source: Source?
    var remux = false
    /// Shows an encode or a web/TV capture (x264, WEBRip, ...): with no remux token, remux is false.
    var encode = false
    var dv = false
    var dvProfile: DVProfile?
    var dvLayer: DVLayer?
    var hdr10 = false
    var hdr10Plus = false
    var hlg = false
    var atmos = false
    var audio: AudioCodec?
    /// A codec named but outside the model (`DTS-ES`, bare `DTSHD`): blocks an audio label.
    var otherAudio = false
    /// A glued channel count awaiting its minor digit in the next token (`DDP5` `1`).
    var channelMajor: UInt8 = 0
    var codec: VideoCodec?
    /// Marks the end of the title even before a year: resolutions, sources, codecs.
    var strong = false
    /// Ends a title when the name has no year (any technical, edition or language word).
    var endsTitle = false
}

extension Word {
    /// A word that is only a part of a multi-token marker.
    static func part(_ part: Part, endsTitle: Bool = false) -> Word {
        var word = Word()
        word.part = part
        word.endsTitle = endsTitle
        return word
    }

    /// Applies `change` to a copy, for building the lexicon table tersely.
    func with(_ change: (inout Word) -> Void) -> Word {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A ``Word`` compiled for the hot path: every effect on a ``Quality`` as a bit mask, so applying a
/// word is a handful of ORs (no optionals to unwrap, no enum-to-bit searches per token).
struct WordEffects: Sendable {
    /// One bit per boolean effect and per title role.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let otherResolution = Flags(rawValue: 1 << 0)
        static let is4K = Flags(rawValue: 1 << 1)
        static let remux = Flags(rawValue: 1 << 2)
        static let encode = Flags(rawValue: 1 << 3)
        static let dv = Flags(rawValue: 1 << 4)
        static let hdr10 = Flags(rawValue: 1 << 5)
        static let hdr10Plus = Flags(rawValue: 1 << 6)
        static let hlg = Flags(rawValue: 1 << 7)
        static let atmos = Flags(rawValue: 1 << 8)
        /// ``Word/strong``: ends the title even before a year.
        static let strong = Flags(rawValue: 1 << 9)
        /// ``Word/endsTitle``: ends a title in a name without a year.
        static let endsTitle = Flags(rawValue: 1 << 10)
    }

    var flags: Flags = []
    /// ``QualityBits`` masks of the values the word states.
    var resolutions: UInt8 = 0
    var sources: UInt8 = 0
    var profiles: UInt8 = 0
    var layers: UInt8 = 0
    /// Audio codecs; ``QualityBits/otherAudio`` for a codec outside the model.
    var audios: UInt16 = 0
    var codecs: UInt8 = 0
    var part: Word.Part = .none
    var minor: UInt8 = 0
    var channelMajor: UInt8 = 0

    /// The effects of `word`.
    init(_ word: Word) {
        if word.otherResolution { flags.insert(.otherResolution) }
        if word.is4K { flags.insert(.is4K) }
        if word.remux { flags.insert(.remux) }
        if word.encode { flags.insert(.encode) }
        // A stated profile is Dolby Vision, as the technical reader's `addProfile` has it.
        if word.dv || word.dvProfile != nil { flags.insert(.dv) }
        if word.hdr10 { flags.insert(.hdr10) }
        if word.hdr10Plus { flags.insert(.hdr10Plus) }
        if word.hlg { flags.insert(.hlg) }
        if word.atmos { flags.insert(.atmos) }
        if word.strong { flags.insert(.strong) }
        if word.endsTitle { flags.insert(.endsTitle) }
        resolutions = word.resolution.map(QualityBits.bit) ?? 0
        sources = word.source.map(QualityBits.bit) ?? 0
        profiles = word.dvProfile.map(QualityBits.bit) ?? 0
        layers = word.dvLayer.map(QualityBits.bit) ?? 0
        audios = (word.audio.map(QualityBits.bit) ?? 0) | (word.otherAudio ? QualityBits.otherAudio : 0)
        codecs = word.codec.map(QualityBits.bit) ?? 0
        part = word.part
        minor = word.minor
        channelMajor = word.channelMajor
    }

    var strong: Bool { flags.contains(.strong) }
    var endsTitle: Bool { flags.contains(.endsTitle) }
}

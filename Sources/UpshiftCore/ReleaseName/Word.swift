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

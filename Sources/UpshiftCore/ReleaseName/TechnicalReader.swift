/// Reads the technical part of a name (after the title and year, before the group) into a
/// ``Quality``. Each field collects every value the name states; a field is reported only when
/// exactly one value was stated (LABELS.md: two codecs named → not labelled).
struct TechnicalReader {
    private var resolutions: UInt8 = 0
    private var otherResolution = false
    private var saw4K = false
    private var sources: UInt8 = 0
    private var remux = false
    private var encode = false
    private var dv = false
    private var profiles: UInt8 = 0
    private var layers: UInt8 = 0
    private var hdr10 = false
    private var hdr10Plus = false
    private var hlg = false
    private var atmos = false
    private var audios: UInt16 = 0
    private var channels: UInt8 = 0
    private var codecs: UInt8 = 0

    private static let otherAudioBit: UInt16 = 1 << 15
    // `allCases` builds a new array on each call: keep one copy of each for the hot path.
    private static let allResolutions = Resolution.allCases
    private static let allSources = Source.allCases
    private static let allProfiles = DVProfile.allCases
    private static let allLayers = DVLayer.allCases
    private static let allAudio = AudioCodec.allCases
    private static let allChannels = Channels.allCases
    private static let allCodecs = VideoCodec.allCases
    private static let otherChannelsBit: UInt8 = 1 << 7

    /// Reads `tokens[range]`.
    static func read(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ range: Range<Int>, lexicon: Lexicon
    ) -> Quality {
        var reader = TechnicalReader()
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            index = reader.step(tokens, index, end, lexicon) + 1
        }
        return reader.quality
    }

    // MARK: - One token

    /// Reads the token at `index` (and any it consumes); returns the index of the last consumed token.
    private mutating func step(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ index: Int, _ end: Int, _ lexicon: Lexicon
    ) -> Int {
        let token = tokens[index]
        @inline(__always) func part(_ offset: Int) -> Word.Part {
            let at = index + offset
            guard at < end, tokens[at].word >= 0 else { return .none }
            return lexicon.words[Int(tokens[at].word)].part
        }
        @inline(__always) func number(_ offset: Int) -> Int32 {
            index + offset < end ? tokens[index + offset].number : -1
        }
        guard token.word >= 0 else {
            // A lone digit followed by a digit: a channel layout (`5.1`, `7 1`, `2_0`, `5.1CH`).
            if token.digits == 1 {
                if let minor = channelMinor(tokens, index + 1, end, lexicon) {
                    addChannels(major: UInt8(token.number), minor: minor)
                    return index + 1
                }
            }
            return index
        }
        let word = lexicon.words[Int(token.word)]
        apply(word)
        var last = index
        switch word.part {
        case .blu where part(1) == .ray:
            addSource(.bluRay)
            last += 1
        case .web where part(1) == .dl:
            addSource(.webDL)
            encode = true
            last += 1
        case .trueWord where part(1) == .hd:
            addAudio(.trueHD)
            last += 1
        case .dolby where part(1) == .vision:
            dv = true
            last += 1
        case .dd:
            if token.plusAfter {
                addAudio(.ddPlus)
            } else {
                addAudio(.dd)
                if part(1) == .ex { last += 1 }
            }
        case .e where part(1) == .ac3:
            addAudio(.ddPlus)
            return index + 1  // the `AC3` is consumed whole: it is not also plain DD
        case .e where part(1) == .ac && number(2) == 3:
            addAudio(.ddPlus)  // `E-AC-3`
            return index + 2
        case .ac where number(1) == 3:
            addAudio(.dd)
            last += 1
        case .dts:
            last = readDTS(tokens, index, end, lexicon)
        case .dtsHD:
            if part(1) == .ma {
                addAudio(.dtsHDMA)
                last += 1
            } else {
                audios |= Self.otherAudioBit
            }
        case .hdr:
            if number(1) == 10 {
                last += 1
                if tokens[last].plusAfter {
                    hdr10Plus = true
                } else if part(2) == .plus {
                    hdr10Plus = true
                    last += 1
                } else {
                    hdr10 = true
                }
            } else {
                hdr10 = true
            }
        case .hdr10:
            if token.plusAfter {
                hdr10Plus = true
            } else if part(1) == .plus {
                hdr10Plus = true
                last += 1
            } else {
                hdr10 = true
            }
        case .profile:
            let value = number(1)
            if let profile = DVProfile(rawValue: Int(value)), tokens[index + 1].digits == 1 {
                addProfile(profile)
                last += 1
            }
        case .bl where token.plusAfter:
            if part(1) == .el {
                addProfile(.p7)
                last += 1
                if tokens[last].plusAfter && part(2) == .rpu { last += 1 }
            } else if part(1) == .rpu {
                dv = true
                last += 1
            }
        case .h:
            if number(1) == 264 {
                addCodec(.avc)
                last += 1
            } else if number(1) == 265 {
                addCodec(.hevc)
                last += 1
            }
        case .vc where number(1) == 1:
            addCodec(.vc1)
            last += 1
        case .mpeg where number(1) == 2:
            addCodec(.mpeg2)
            last += 1
        default:
            break
        }
        let major = tokens[last].word >= 0 ? lexicon.words[Int(tokens[last].word)].channelMajor : 0
        if major != 0, let minor = channelMinor(tokens, last + 1, end, lexicon) {
            addChannels(major: major, minor: minor)
            last += 1
        }
        return last
    }

    /// `DTS` alone, or `DTS-HD MA` / `DTS-HD.Master` / `DTS-HDMA` / `DTS-X`, or an unmodelled
    /// variant (`DTS-HD` without MA, `DTS-HD.HRA`, `DTS-ES`). Returns the last consumed index.
    private mutating func readDTS(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ index: Int, _ end: Int, _ lexicon: Lexicon
    ) -> Int {
        func part(_ at: Int) -> Word.Part {
            guard at < end, tokens[at].word >= 0 else { return .none }
            return lexicon.words[Int(tokens[at].word)].part
        }
        switch part(index + 1) {
        case .hd:
            switch part(index + 2) {
            case .ma, .master:
                addAudio(.dtsHDMA)
                return index + 2
            case .hr:
                audios |= Self.otherAudioBit
                return index + 2
            default:
                audios |= Self.otherAudioBit
                return index + 1
            }
        case .hdma:
            addAudio(.dtsHDMA)
            return index + 1
        case .x:
            addAudio(.dtsX)
            return index + 1
        case .es:
            audios |= Self.otherAudioBit
            return index + 1
        default:
            addAudio(.dts)
            return index
        }
    }

    /// The minor digit at `at` when it completes a channel layout (`1`, `0`, or `1ch`).
    private func channelMinor(
        _ tokens: UnsafeMutableBufferPointer<Token>, _ at: Int, _ end: Int, _ lexicon: Lexicon
    ) -> UInt8? {
        guard at < end else { return nil }
        let token = tokens[at]
        if token.digits == 1 { return UInt8(token.number) }
        if token.word >= 0 {
            let word = lexicon.words[Int(token.word)]
            if word.part == .channelMinor { return word.minor }
        }
        return nil
    }

    // MARK: - Collecting

    private mutating func apply(_ word: Word) {
        if let resolution = word.resolution { resolutions |= 1 << Self.index(resolution, in: Self.allResolutions) }
        otherResolution = otherResolution || word.otherResolution
        saw4K = saw4K || word.is4K
        if let source = word.source { addSource(source) }
        remux = remux || word.remux
        encode = encode || word.encode
        if word.dv { dv = true }
        if let profile = word.dvProfile { addProfile(profile) }
        if let layer = word.dvLayer { layers |= 1 << Self.index(layer, in: Self.allLayers) }
        hdr10 = hdr10 || word.hdr10
        hdr10Plus = hdr10Plus || word.hdr10Plus
        hlg = hlg || word.hlg
        atmos = atmos || word.atmos
        if let audio = word.audio { addAudio(audio) }
        if word.otherAudio { audios |= Self.otherAudioBit }
        if let codec = word.codec { addCodec(codec) }
    }

    private mutating func addSource(_ source: Source) { sources |= 1 << Self.index(source, in: Self.allSources) }
    private mutating func addAudio(_ audio: AudioCodec) { audios |= 1 << Self.index(audio, in: Self.allAudio) }
    private mutating func addCodec(_ codec: VideoCodec) { codecs |= 1 << Self.index(codec, in: Self.allCodecs) }

    private mutating func addProfile(_ profile: DVProfile) {
        dv = true
        profiles |= 1 << Self.index(profile, in: Self.allProfiles)
    }

    private mutating func addChannels(major: UInt8, minor: UInt8) {
        switch (major, minor) {
        case (2, 0): channels |= 1 << 0
        case (5, 1): channels |= 1 << 1
        case (7, 1): channels |= 1 << 2
        default: channels |= Self.otherChannelsBit
        }
    }

    @inline(__always)
    private static func index<T: Equatable>(_ value: T, in all: [T]) -> UInt8 {
        UInt8(all.firstIndex(of: value)!)
    }

    /// The one value of `all` whose bit alone is set in `mask`.
    @inline(__always)
    private static func single<T, M: FixedWidthInteger>(_ mask: M, _ all: [T]) -> T? {
        guard mask != 0, mask & (mask - 1) == 0 else { return nil }
        let bit = mask.trailingZeroBitCount
        return bit < all.count ? all[bit] : nil
    }

    // MARK: - Result

    private var quality: Quality {
        var resolution = Self.single(resolutions, Self.allResolutions)
        if resolutions == 0 && !otherResolution && saw4K { resolution = .r2160p }
        if otherResolution { resolution = nil }
        let profile = Self.single(profiles, Self.allProfiles)
        // A layer exists only in profile 7: with a conflicting profile the layer is not reported.
        let layer = profile == .p7 ? Self.single(layers, Self.allLayers) : nil
        return Quality(
            resolution: resolution, dv: dv, dvProfile: profile, dvLayer: layer,
            hdr10: hdr10, hdr10Plus: hdr10Plus, hlg: hlg, atmos: atmos,
            audio: Self.single(audios, Self.allAudio), channels: Self.single(channels, Self.allChannels),
            source: Self.single(sources, Self.allSources), remux: remux ? true : (encode ? false : nil),
            codec: Self.single(codecs, Self.allCodecs)
        )
    }
}

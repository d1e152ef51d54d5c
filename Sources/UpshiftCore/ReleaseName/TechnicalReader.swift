/// Reads the technical part of a name (after the title and year, before the group) into a
/// ``Quality``. Each field collects every value the name states; a field is reported only when
/// exactly one value was stated (LABELS.md: two codecs named → not labelled).
struct TechnicalReader {
    /// The boolean facts stated (``WordEffects/Flags``; the title roles are collected but unused).
    private var flags: WordEffects.Flags = []
    // ``QualityBits`` masks of every value stated.
    private var resolutions: UInt8 = 0
    private var sources: UInt8 = 0
    private var profiles: UInt8 = 0
    private var layers: UInt8 = 0
    private var audios: UInt16 = 0
    private var channels: UInt8 = 0
    private var codecs: UInt8 = 0

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
            return lexicon.word(tokens[at].word).part
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
        let word = lexicon.word(token.word)
        apply(word)
        var last = index
        switch word.part {
        case .blu where part(1) == .ray:
            addSource(.bluRay)
            last += 1
        case .web where part(1) == .dl:
            addSource(.webDL)
            flags.insert(.encode)
            last += 1
        case .trueWord where part(1) == .hd:
            addAudio(.trueHD)
            last += 1
        case .dolby where part(1) == .vision:
            flags.insert(.dv)
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
                audios |= QualityBits.otherAudio
            }
        case .hdr:
            if number(1) == 10 {
                last += 1
                if tokens[last].plusAfter {
                    flags.insert(.hdr10Plus)
                } else if part(2) == .plus {
                    flags.insert(.hdr10Plus)
                    last += 1
                } else {
                    flags.insert(.hdr10)
                }
            } else {
                flags.insert(.hdr10)
            }
        case .hdr10:
            if token.plusAfter {
                flags.insert(.hdr10Plus)
            } else if part(1) == .plus {
                flags.insert(.hdr10Plus)
                last += 1
            } else {
                flags.insert(.hdr10)
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
                flags.insert(.dv)
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
        // A glued channel count (`DDP5`) on the last token read: usually this token, whose word is at hand.
        let major =
            last == index ? word.channelMajor
            : tokens[last].word >= 0 ? lexicon.word(tokens[last].word).channelMajor : 0
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
            return lexicon.word(tokens[at].word).part
        }
        switch part(index + 1) {
        case .hd:
            switch part(index + 2) {
            case .ma, .master:
                addAudio(.dtsHDMA)
                return index + 2
            case .hr:
                audios |= QualityBits.otherAudio
                return index + 2
            default:
                audios |= QualityBits.otherAudio
                return index + 1
            }
        case .hdma:
            addAudio(.dtsHDMA)
            return index + 1
        case .x:
            addAudio(.dtsX)
            return index + 1
        case .es:
            audios |= QualityBits.otherAudio
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
            let word = lexicon.word(token.word)
            if word.part == .channelMinor { return word.minor }
        }
        return nil
    }

    // MARK: - Collecting

    @inline(__always)
    private mutating func apply(_ word: WordEffects) {
        flags.formUnion(word.flags)
        resolutions |= word.resolutions
        sources |= word.sources
        profiles |= word.profiles
        layers |= word.layers
        audios |= word.audios
        codecs |= word.codecs
    }

    private mutating func addSource(_ source: Source) { sources |= QualityBits.bit(source) }
    private mutating func addAudio(_ audio: AudioCodec) { audios |= QualityBits.bit(audio) }
    private mutating func addCodec(_ codec: VideoCodec) { codecs |= QualityBits.bit(codec) }

    private mutating func addProfile(_ profile: DVProfile) {
        flags.insert(.dv)
        profiles |= QualityBits.bit(profile)
    }

    private mutating func addChannels(major: UInt8, minor: UInt8) {
        switch (major, minor) {
        case (2, 0): channels |= QualityBits.bit(Channels.stereo)
        case (5, 1): channels |= QualityBits.bit(Channels.surround51)
        case (7, 1): channels |= QualityBits.bit(Channels.surround71)
        default: channels |= QualityBits.otherChannels
        }
    }

    // MARK: - Result

    private var quality: Quality {
        let otherResolution = flags.contains(.otherResolution)
        var resolution = QualityBits.resolution(resolutions)
        if resolutions == 0 && !otherResolution && flags.contains(.is4K) { resolution = .r2160p }
        if otherResolution { resolution = nil }
        let profile = QualityBits.profile(profiles)
        // A layer exists only in profile 7: with a conflicting profile the layer is not reported.
        let layer = profile == .p7 ? QualityBits.layer(layers) : nil
        return Quality(
            resolution: resolution, dv: flags.contains(.dv), dvProfile: profile, dvLayer: layer,
            hdr10: flags.contains(.hdr10), hdr10Plus: flags.contains(.hdr10Plus), hlg: flags.contains(.hlg),
            atmos: flags.contains(.atmos), audio: QualityBits.audio(audios), channels: QualityBits.channels(channels),
            source: QualityBits.source(sources),
            remux: flags.contains(.remux) ? true : (flags.contains(.encode) ? false : nil),
            codec: QualityBits.codec(codecs)
        )
    }
}

/// One bit per value of each ``Quality`` enumeration, for the technical reader's "every value stated"
/// masks: ``bit(_:)`` and the `value(_:)` functions are inverse switches (no `allCases` arrays on the
/// hot path). A mask is reported only when exactly one bit is set (LABELS.md: two codecs → unlabelled); the
/// decoding switches on the bit's position, which the compiler turns into a table look-up.
enum QualityBits {
    /// A codec named but outside the model (`DTS-ES`, bare `DTSHD`): blocks an audio label.
    static let otherAudio: UInt16 = 1 << 15
    /// A channel layout outside the model.
    static let otherChannels: UInt8 = 1 << 7

    static func bit(_ value: Resolution) -> UInt8 {
        switch value {
        case .r480p: 1 << 0
        case .r576p: 1 << 1
        case .r720p: 1 << 2
        case .r1080p: 1 << 3
        case .r2160p: 1 << 4
        }
    }

    static func bit(_ value: Source) -> UInt8 {
        switch value {
        case .bluRay: 1 << 0
        case .webDL: 1 << 1
        case .webRip: 1 << 2
        case .hdtv: 1 << 3
        case .dvd: 1 << 4
        }
    }

    static func bit(_ value: DVProfile) -> UInt8 {
        switch value {
        case .p5: 1 << 0
        case .p7: 1 << 1
        case .p8: 1 << 2
        }
    }

    static func bit(_ value: DVLayer) -> UInt8 {
        switch value {
        case .fel: 1 << 0
        case .mel: 1 << 1
        }
    }

    static func bit(_ value: AudioCodec) -> UInt16 {
        switch value {
        case .trueHD: 1 << 0
        case .dtsHDMA: 1 << 1
        case .dtsX: 1 << 2
        case .dts: 1 << 3
        case .ddPlus: 1 << 4
        case .dd: 1 << 5
        case .aac: 1 << 6
        case .flac: 1 << 7
        case .lpcm: 1 << 8
        case .opus: 1 << 9
        }
    }

    static func bit(_ value: Channels) -> UInt8 {
        switch value {
        case .stereo: 1 << 0
        case .surround51: 1 << 1
        case .surround71: 1 << 2
        }
    }

    static func bit(_ value: VideoCodec) -> UInt8 {
        switch value {
        case .x265: 1 << 0
        case .x264: 1 << 1
        case .hevc: 1 << 2
        case .avc: 1 << 3
        case .av1: 1 << 4
        case .vc1: 1 << 5
        case .mpeg2: 1 << 6
        }
    }

    /// True when exactly one bit of `mask` is set.
    @inline(__always)
    static func isSingle<M: FixedWidthInteger>(_ mask: M) -> Bool { mask != 0 && mask & (mask &- 1) == 0 }

    @inline(__always)
    static func resolution(_ mask: UInt8) -> Resolution? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .r480p
        case 1: return .r576p
        case 2: return .r720p
        case 3: return .r1080p
        case 4: return .r2160p
        default: return nil
        }
    }

    @inline(__always)
    static func source(_ mask: UInt8) -> Source? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .bluRay
        case 1: return .webDL
        case 2: return .webRip
        case 3: return .hdtv
        case 4: return .dvd
        default: return nil
        }
    }

    @inline(__always)
    static func profile(_ mask: UInt8) -> DVProfile? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .p5
        case 1: return .p7
        case 2: return .p8
        default: return nil
        }
    }

    @inline(__always)
    static func layer(_ mask: UInt8) -> DVLayer? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .fel
        case 1: return .mel
        default: return nil
        }
    }

    @inline(__always)
    static func audio(_ mask: UInt16) -> AudioCodec? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .trueHD
        case 1: return .dtsHDMA
        case 2: return .dtsX
        case 3: return .dts
        case 4: return .ddPlus
        case 5: return .dd
        case 6: return .aac
        case 7: return .flac
        case 8: return .lpcm
        case 9: return .opus
        default: return nil
        }
    }

    @inline(__always)
    static func channels(_ mask: UInt8) -> Channels? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .stereo
        case 1: return .surround51
        case 2: return .surround71
        default: return nil
        }
    }

    @inline(__always)
    static func codec(_ mask: UInt8) -> VideoCodec? {
        guard isSingle(mask) else { return nil }
        switch mask.trailingZeroBitCount {
        case 0: return .x265
        case 1: return .x264
        case 2: return .hevc
        case 3: return .avc
        case 4: return .av1
        case 5: return .vc1
        case 6: return .mpeg2
        default: return nil
        }
    }
}

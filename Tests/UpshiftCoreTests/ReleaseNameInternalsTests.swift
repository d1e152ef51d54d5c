import Testing

@testable import UpshiftCore

/// The parser's fast paths against plain reference versions: the bitmap tokenizer against a byte-by-byte
/// split, the eight-bytes-at-a-time key packing against the byte loop, and the quality bit masks.
@Suite struct ReleaseNameInternalsTests {
    /// Bytes that make tokens, delimiters and keys interesting: letters of both cases, digits, every
    /// delimiter, non-ASCII and control bytes.
    static let alphabet: [UInt8] =
        Array("aZdDtTsS09x+-._ ()[]{},/:\t".utf8) + [0, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0x40, 0x5B, 0x60]

    /// The tokens of `bytes` as (start, end, number, digits, delimiter, word), the slow and obvious way.
    static func referenceTokens(_ bytes: [UInt8], _ lexicon: Lexicon) -> [[Int]] {
        var result: [[Int]] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count && Token.isDelimiter(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count && !Token.isDelimiter(bytes[index]) { index += 1 }
            let token = Array(bytes[start..<index])
            let isNumber = token.count <= 9 && token.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let number = isNumber ? token.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } : -1
            let word = bytes.withUnsafeBufferPointer { Int(lexicon.lookup(TokenKey($0, start, index))) }
            result.append([
                start, index, number, isNumber ? token.count : 0, index < bytes.count ? Int(bytes[index]) : 0, word,
            ])
        }
        return result
    }

    static func tokens(_ bytes: [UInt8], _ lexicon: Lexicon) -> [[Int]] {
        bytes.withUnsafeBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: buffer.count / 2 + 1) { tokens in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Token.scratchWords(buffer.count)) { scratch in
                    let count = Token.tokenize(buffer, into: tokens, scratch: scratch.baseAddress!, lexicon: lexicon)
                    return tokens[..<count].map {
                        [$0.lower, $0.upper, Int($0.number), Int($0.digits), Int($0.delimiter), Int($0.word)]
                    }
                }
            }
        }
    }

    @Test func tokenizerMatchesByteByByteSplit() {
        let lexicon = Lexicon.shared
        var random = SplitMix64(seed: 7)
        let words = ["DTS", "hd", "MA", "2160p", "x265", "Atmos7", "1917", "123456789", "1234567890", "TrueHDA7"]
        // Every length up to three bitmap words, so tokens start and end on and across word boundaries.
        for length in 0...200 {
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    if random.next() % 4 == 0 {
                        bytes += Array(random.pick(words).utf8)
                    } else {
                        bytes.append(random.pick(Self.alphabet))
                    }
                }
                bytes = Array(bytes.prefix(length))
                #expect(Self.tokens(bytes, lexicon) == Self.referenceTokens(bytes, lexicon), "\(bytes)")
            }
        }
    }

    @Test func wordPackingMatchesByteLoop() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let length = 1 + Int(random.next() % 16)
            let bytes = (0..<32).map { _ in random.pick(Self.alphabet + Array("AZaz@[`{".utf8)) }
            let masks = UnsafePointer(Lexicon.shared.keyMasks)
            let packed = bytes.withUnsafeBytes { TokenKey(packing: $0.baseAddress!, length, masks: masks) }
            let looped = bytes.withUnsafeBufferPointer { TokenKey($0, 0, length) }
            #expect(packed == looped, "\(bytes.prefix(length))")
        }
    }

    /// The perfect hash gives every spelling its own word, in any ASCII case, and its part and effects.
    @Test func lexiconFindsEverySpelling() {
        let lexicon = Lexicon.shared
        var number: Int16 = 0
        for (spellings, word) in Lexicon.entries() {
            for spelling in spellings {
                for variant in [spelling, spelling.uppercased()] where variant.utf8.count == spelling.utf8.count {
                    let bytes = Array(variant.utf8)
                    let found = bytes.withUnsafeBufferPointer { lexicon.lookup(TokenKey($0, 0, $0.count)) }
                    #expect(found == number, "\(variant)")
                }
                #expect(lexicon.word(number).part == word.part, "\(spelling)")
                #expect(lexicon.word(number).strong == word.strong && lexicon.word(number).endsTitle == word.endsTitle)
                number += 1
            }
        }
        #expect(Int(number) == lexicon.wordCount)
    }

    @Test func lexiconFindsItsSpellingsInAnyCase() {
        let lexicon = Lexicon.shared
        for spelling in ["2160p", "DoVi", "FEL", "TrueHDA7", "dts:x", "director’s", "hdr10plus", "e", "x", "1ch"] {
            for variant in [spelling, spelling.uppercased(), spelling.lowercased()] {
                let bytes = Array(variant.utf8)
                #expect(bytes.withUnsafeBufferPointer { lexicon.lookup(TokenKey($0, 0, $0.count)) } >= 0, "\(variant)")
            }
        }
        for other in ["Fellowship", "dtsx7", "2161p", "abcdefghijklmnopq", "director'ss"] {
            let bytes = Array(other.utf8)
            #expect(bytes.withUnsafeBufferPointer { lexicon.lookup(TokenKey($0, 0, $0.count)) } == -1, "\(other)")
        }
    }

    @Test func qualityBitsRoundTrip() {
        func check<T: Equatable, M: FixedWidthInteger>(_ all: [T], _ bit: (T) -> M, _ value: (M) -> T?) {
            var seen: M = 0
            for item in all {
                let mask = bit(item)
                #expect(mask.nonzeroBitCount == 1 && seen & mask == 0, "\(item): one bit of its own")
                #expect(value(mask) == item)
                seen |= mask
            }
            #expect(value(0) == nil)
            #expect(value(seen) == nil || all.count == 1, "several values stated: none reported")
        }
        check(Resolution.allCases, QualityBits.bit, QualityBits.resolution)
        check(Source.allCases, QualityBits.bit, QualityBits.source)
        check(DVProfile.allCases, QualityBits.bit, QualityBits.profile)
        check(DVLayer.allCases, QualityBits.bit, QualityBits.layer)
        check(AudioCodec.allCases, QualityBits.bit, QualityBits.audio)
        check(Channels.allCases, QualityBits.bit, QualityBits.channels)
        check(VideoCodec.allCases, QualityBits.bit, QualityBits.codec)
        #expect(QualityBits.audio(QualityBits.otherAudio) == nil)
        #expect(QualityBits.audio(QualityBits.otherAudio | QualityBits.bit(AudioCodec.dts)) == nil)
        #expect(QualityBits.channels(QualityBits.otherChannels) == nil)
    }
}

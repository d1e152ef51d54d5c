/// Builds a Dolby Vision RPU NAL unit bit by bit, following the layout of
/// `shared/reference/dolby-vision.md`: header, identity polynomial mapping (an MMR piece for
/// profile 5's Cb), NLQ for profile 7, a minimal display-management block, the CRC-32/MPEG-2,
/// `0x80`, emulation prevention, and the `7C 01` NAL header.
public struct RPUFixture: Sendable, Hashable {
    /// The stream the RPU belongs to.
    public enum Kind: Sendable, Hashable, CaseIterable {
        /// Profile 5: single layer, full-range IPTPQc2, no NLQ.
        case p5
        /// Profile 7 with full enhancement layer NLQ values (offset 512, vdr_in_max 2^20, slope 2048).
        case p7FEL
        /// Profile 7 with the MEL identity NLQ values.
        case p7MEL
        /// Profile 8: single layer with residual disabled.
        case p8
    }

    /// The stream.
    public var kind: Kind
    /// Sets `use_prev_vdr_rpu_flag`: no mapping, "the previous RPU's applies".
    public var usePrevious = false
    /// Sets `linear_interp_flag` in the first polynomial piece.
    public var linearInterpolation = false
    /// Flips one bit of the CRC.
    public var badCRC = false

    /// An RPU of `kind`.
    public init(_ kind: Kind, usePrevious: Bool = false, linearInterpolation: Bool = false, badCRC: Bool = false) {
        self.kind = kind
        self.usePrevious = usePrevious
        self.linearInterpolation = linearInterpolation
        self.badCRC = badCRC
    }

    /// The NAL unit: `7C 01` and the escaped payload.
    public func nal() -> [UInt8] {
        [0x7C, 0x01] + Self.escaped(build().payload)
    }

    /// Emulation-prevention bytes inserted inside the NLQ fields (the test checks it is not zero).
    public func escapesInNLQ() -> Int {
        let built = build()
        guard let range = built.nlqBytes else { return 0 }
        return Self.escapes(in: range, of: built.payload)
    }

    /// `0x19`, the fields, the CRC and `0x80`, before escaping.
    public func payload() -> [UInt8] {
        build().payload
    }

    // MARK: - Building

    private var isP7: Bool { kind == .p7FEL || kind == .p7MEL }

    /// The payload and where the NLQ fields lie in it, shifting the NLQ by two bits (through
    /// mapping_color_space) when that is needed for an escape to fall inside it.
    private func build() -> (payload: [UInt8], nlqBytes: ClosedRange<Int>?) {
        var result = build(colorSpace: 0)
        if isP7, !usePrevious, let range = result.nlqBytes, Self.escapes(in: range, of: result.payload) == 0 {
            result = build(colorSpace: 1)
        }
        return result
    }

    private func build(colorSpace: UInt64) -> (payload: [UInt8], nlqBytes: ClosedRange<Int>?) {
        var bits = BitWriter()
        writeHeader(&bits)
        var nlq: ClosedRange<Int>?
        if usePrevious {
            bits.ue(0)  // prev_vdr_rpu_id
        } else {
            writeMapping(&bits, colorSpace: colorSpace)
            if isP7 {
                let start = bits.bitCount
                writeNLQ(&bits)
                nlq = (1 + start / 8)...(1 + (bits.bitCount - 1) / 8)  // +1: the 0x19 prefix
            }
        }
        writeDisplayManagement(&bits)
        bits.alignToByte()
        var crc = FixtureCRC.mpeg2(bits.bytes)
        if badCRC { crc ^= 1 }
        let crcBytes = (0..<4).map { UInt8(truncatingIfNeeded: crc >> UInt32(24 - 8 * $0)) }
        return ([0x19] + bits.bytes + crcBytes + [0x80], nlq)
    }

    private func writeHeader(_ bits: inout BitWriter) {
        bits.write(2, bits: 6)  // rpu_type
        bits.write(18, bits: 11)  // rpu_format
        bits.write(kind == .p5 ? 0 : 1, bits: 4)  // vdr_rpu_profile
        bits.write(0, bits: 4)  // vdr_rpu_level
        bits.flag(true)  // vdr_seq_info_present
        bits.flag(false)  // chroma_resampling_explicit_filter
        bits.write(0, bits: 2)  // coefficient_data_type: fixed point
        bits.ue(23)  // coefficient_log2_denom
        bits.write(1, bits: 2)  // vdr_rpu_normalized_idc
        bits.flag(kind == .p5)  // bl_video_full_range
        bits.ue(2)  // bl_bit_depth_minus8
        bits.ue(2)  // el_bit_depth_minus8
        bits.ue(4)  // vdr_bit_depth_minus8
        bits.flag(false)  // spatial_resampling_filter
        bits.write(0, bits: 3)  // reserved
        bits.flag(isP7)  // el_spatial_resampling_filter
        bits.flag(!isP7)  // disable_residual
        bits.flag(true)  // vdr_dm_metadata_present
        bits.flag(usePrevious)  // use_prev_vdr_rpu
    }

    private func writeMapping(_ bits: inout BitWriter, colorSpace: UInt64) {
        bits.ue(0)  // vdr_rpu_id
        bits.ue(colorSpace)  // mapping_color_space
        bits.ue(0)  // mapping_chroma_format_idc
        for _ in 0..<3 {
            bits.ue(0)  // num_pivots_minus2: one piece
            bits.write(0, bits: 10)
            bits.write(1023, bits: 10)
        }
        if isP7 {
            bits.write(0, bits: 3)  // nlq_method_idc: linear dead zone
            bits.write(0, bits: 10)
            bits.write(1023, bits: 10)
        }
        bits.ue(0)  // num_x_partitions_minus1
        bits.ue(0)  // num_y_partitions_minus1
        for component in 0..<3 {
            if kind == .p5, component == 1 {
                bits.ue(1)  // mapping_idc: MMR
                bits.write(0, bits: 2)  // mmr_order_minus1
                bits.se(0)  // constant
                bits.write(0, bits: 23)
                for _ in 0..<7 {
                    bits.se(0)
                    bits.write(1 << 22, bits: 23)
                }
            } else {
                bits.ue(0)  // mapping_idc: polynomial
                bits.ue(0)  // poly_order_minus1: linear
                bits.flag(linearInterpolation && component == 0)
                bits.se(0)  // a0 = 0
                bits.write(0, bits: 23)
                bits.se(1)  // a1 = 1
                bits.write(0, bits: 23)
            }
        }
    }

    private func writeNLQ(_ bits: inout BitWriter) {
        for _ in 0..<3 {
            let fel = kind == .p7FEL
            bits.write(fel ? 512 : 0, bits: 10)  // nlq_offset
            bits.ue(fel ? 0 : 1)  // vdr_in_max_int
            bits.write(fel ? 1 << 20 : 0, bits: 23)  // vdr_in_max
            bits.ue(0)  // linear_deadzone_slope_int
            bits.write(fel ? 2048 : 0, bits: 23)  // linear_deadzone_slope
            bits.ue(0)  // linear_deadzone_threshold_int
            bits.write(0, bits: 23)  // linear_deadzone_threshold
        }
    }

    private func writeDisplayManagement(_ bits: inout BitWriter) {
        bits.ue(0)  // affected_dm_metadata_id
        bits.ue(0)  // current_dm_metadata_id
        bits.ue(0)  // scene_refresh_flag
        for index in 0..<9 { bits.write(index % 4 == 0 ? 8192 : 0, bits: 16) }  // ycc_to_rgb
        for _ in 0..<3 { bits.write(1 << 27, bits: 32) }  // ycc_to_rgb_offset
        for index in 0..<9 { bits.write(index % 4 == 0 ? 16384 : 0, bits: 16) }  // rgb_to_lms
        bits.write(65535, bits: 16)  // signal_eotf
        bits.write(0, bits: 16)
        bits.write(0, bits: 16)
        bits.write(0, bits: 32)
        bits.write(12, bits: 5)  // signal_bit_depth
        bits.write(0, bits: 2)
        bits.write(0, bits: 2)
        bits.write(1, bits: 2)
        bits.write(62, bits: 12)  // source_min_pq
        bits.write(3696, bits: 12)  // source_max_pq
        bits.write(42, bits: 10)  // source_diagonal
        bits.ue(0)  // num_ext_blocks
    }

    // MARK: - Emulation prevention

    /// `payload` with `03` inserted wherever two zero bytes are followed by a byte up to `03`.
    public static func escaped(_ payload: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var zeros = 0
        for byte in payload {
            if zeros >= 2, byte <= 3 {
                output.append(3)
                zeros = 0
            }
            output.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return output
    }

    /// How many escapes have their two zero bytes and the byte after them all in `range`.
    static func escapes(in range: ClosedRange<Int>, of payload: [UInt8]) -> Int {
        escapePositions(payload).filter { range.contains($0) && range.contains($0 - 2) }.count
    }

    /// The indices of the payload bytes that get an emulation-prevention byte before them.
    static func escapePositions(_ payload: [UInt8]) -> [Int] {
        var positions: [Int] = []
        var zeros = 0
        for (index, byte) in payload.enumerated() {
            if zeros >= 2, byte <= 3 {
                positions.append(index)
                zeros = 0
            }
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return positions
    }
}

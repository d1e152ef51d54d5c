/// What one valid RPU says, as far as the probe needs.
struct RPUSummary: Sendable, Hashable {
    /// The profile its header implies (4, 5, 7 or 8), or `nil` when the header does not say.
    var profile: Int?
    /// FEL or MEL: only for profile 7 with NLQ parameters read to the end.
    var layer: ProbeLayer?
    /// The mapping is not in this RPU (`use_prev_vdr_rpu_flag`) or cannot be read (a linear
    /// interpolation piece): the next frame's RPU has to tell.
    var deferred: Bool
}

/// Parses a Dolby Vision RPU (rpu_type 2) far enough to tell the profile and, for profile 7,
/// FEL from MEL: header, mapping, NLQ. The display-management data after it is not read.
///
/// The bit layout follows dovi_tool's `rpu_data_header`/`rpu_data_mapping`/`rpu_data_nlq` and
/// FFmpeg's `dovi_rpudec.c`, with FFmpeg's range checks, so every loop is bounded.
enum DolbyVisionRPU {
    /// The summary of the RPU NAL unit `nal` (header `7C 01`, escaped payload), or `nil` when it
    /// is not a valid RPU: wrong header, CRC mismatch, or fields out of range.
    static func parse(nal: [UInt8]) -> RPUSummary? {
        guard let payload = RPUPayload.checked(nal: nal) else { return nil }
        var bits = RPUBitReader(payload)
        return try? parseFields(&bits)
    }

    /// The header fields the mapping and NLQ depend on.
    private struct Header {
        var coefficientType: UInt32 = 0
        var denominator = 0
        var blBitDepth = 8
        var elBitDepth = 8
        var hasNLQ = false
        var profile: Int?
    }

    private struct Invalid: Error {}

    private static func parseFields(_ bits: inout RPUBitReader) throws -> RPUSummary {
        guard try bits.bits(6) == 2 else { throw Invalid() }  // rpu_type
        let format = try bits.bits(11)
        let vdrProfile = try bits.bits(4)
        _ = try bits.bits(4)  // vdr_rpu_level
        guard try bits.flag() else { throw Invalid() }  // vdr_seq_info_present: no samples without it
        var header = Header()
        _ = try bits.flag()  // chroma_resampling_explicit_filter
        header.coefficientType = try bits.bits(2)
        guard header.coefficientType <= 1 else { throw Invalid() }
        header.denominator = header.coefficientType == 0 ? Int(try bits.ue()) : 32
        guard header.denominator <= 32 else { throw Invalid() }
        _ = try bits.bits(2)  // vdr_rpu_normalized_idc
        let fullRange = try bits.flag()
        var vdrBitDepthMinus8: UInt32 = 0
        var elResampling = false
        var disableResidual = false
        let hasBitDepths = format & 0x700 == 0
        if hasBitDepths {
            let bl = try bits.ue()
            let el = try bits.ue() & 0xFF  // ext_mapping_idc sits in the upper bits
            vdrBitDepthMinus8 = try bits.ue()
            guard bl <= 8, el <= 8, vdrBitDepthMinus8 <= 8 else { throw Invalid() }
            header.blBitDepth = Int(bl) + 8
            header.elBitDepth = Int(el) + 8
            _ = try bits.flag()  // spatial_resampling_filter
            _ = try bits.bits(3)  // reserved (dm compression)
            elResampling = try bits.flag()
            disableResidual = try bits.flag()
        }
        header.hasNLQ = hasBitDepths && !disableResidual
        header.profile = profile(
            vdrRPUProfile: vdrProfile, fullRange: fullRange, elResampling: elResampling,
            disableResidual: disableResidual, vdrBitDepthMinus8: vdrBitDepthMinus8)
        _ = try bits.flag()  // vdr_dm_metadata_present
        if try bits.flag() {  // use_prev_vdr_rpu
            return RPUSummary(profile: header.profile, layer: nil, deferred: true)
        }
        guard hasBitDepths else { return RPUSummary(profile: header.profile, layer: nil, deferred: false) }
        return try parseMapping(&bits, header)
    }

    /// The profile the header implies (dovi_tool's `get_dovi_profile`).
    static func profile(
        vdrRPUProfile: UInt32, fullRange: Bool, elResampling: Bool, disableResidual: Bool,
        vdrBitDepthMinus8: UInt32
    ) -> Int? {
        switch vdrRPUProfile {
        case 0: fullRange ? 5 : nil
        case 1 where elResampling && !disableResidual: vdrBitDepthMinus8 == 4 ? 7 : 4
        case 1: 8
        default: nil
        }
    }

    // MARK: - Mapping

    private static func parseMapping(_ bits: inout RPUBitReader, _ header: Header) throws -> RPUSummary {
        guard try bits.ue() <= 15 else { throw Invalid() }  // vdr_rpu_id
        _ = try bits.ue()  // mapping_color_space
        _ = try bits.ue()  // mapping_chroma_format_idc
        var pivotCounts: [Int] = []
        for _ in 0..<3 {
            let minus2 = try bits.ue()
            guard minus2 <= 8 else { throw Invalid() }
            pivotCounts.append(Int(minus2) + 2)
            for _ in 0..<Int(minus2) + 2 { _ = try bits.bits(header.blBitDepth) }
        }
        var nlqMethod: UInt32 = 0
        if header.hasNLQ {
            nlqMethod = try bits.bits(3)
            _ = try bits.bits(header.blBitDepth)
            _ = try bits.bits(header.blBitDepth)
        }
        _ = try bits.ue()  // num_x_partitions_minus1
        _ = try bits.ue()  // num_y_partitions_minus1
        for pivots in pivotCounts {
            for _ in 0..<pivots - 1 {
                switch try bits.ue() {  // mapping_idc
                case 0:
                    let orderMinus1 = try bits.ue()
                    guard orderMinus1 <= 1 else { throw Invalid() }
                    if orderMinus1 == 0, try bits.flag() {  // linear_interp_flag: not documented
                        return RPUSummary(profile: header.profile, layer: nil, deferred: true)
                    }
                    for _ in 0..<Int(orderMinus1) + 2 { _ = try coefficient(&bits, header, signed: true) }
                case 1:
                    let orderMinus1 = try bits.bits(2)
                    guard orderMinus1 <= 2 else { throw Invalid() }
                    for _ in 0..<1 + (Int(orderMinus1) + 1) * 7 { _ = try coefficient(&bits, header, signed: true) }
                default:
                    throw Invalid()
                }
            }
        }
        guard header.hasNLQ else { return RPUSummary(profile: header.profile, layer: nil, deferred: false) }
        // Only the linear dead zone method (0) is documented; another leaves the layer unknown.
        guard nlqMethod == 0 else { return RPUSummary(profile: header.profile, layer: nil, deferred: false) }
        let mel = try readNLQIsMEL(&bits, header)
        let layer: ProbeLayer? = header.profile == 7 ? (mel ? .mel : .fel) : nil
        return RPUSummary(profile: header.profile, layer: layer, deferred: false)
    }

    // MARK: - NLQ

    /// Reads the three components' NLQ parameters; `true` when all are the MEL identity
    /// (dovi_tool's `RpuDataNlq::is_mel`).
    ///
    /// With floating-point coefficients (`coefficient_data_type` 1, never seen on discs) there
    /// are no integer parts, and `vdr_in_max` must be exactly 1.0.
    private static func readNLQIsMEL(_ bits: inout RPUBitReader, _ header: Header) throws -> Bool {
        var mel = true
        for _ in 0..<3 {
            let offset = try bits.bits(header.elBitDepth)
            let inMax = try coefficient(&bits, header, signed: false)
            let slope = try coefficient(&bits, header, signed: false)
            let threshold = try coefficient(&bits, header, signed: false)
            let identityMax =
                header.coefficientType == 0
                ? inMax.integer == 1 && inMax.fraction == 0 : inMax.fraction == 0x3F80_0000
            let componentIsMEL =
                offset == 0 && identityMax && slope.integer == 0 && slope.fraction == 0
                && threshold.integer == 0 && threshold.fraction == 0
            mel = mel && componentIsMEL
        }
        return mel
    }

    /// A coefficient: an Exp-Golomb integer part (fixed point only) and `u(denominator)` bits.
    private static func coefficient(
        _ bits: inout RPUBitReader, _ header: Header, signed: Bool
    ) throws -> (integer: Int64, fraction: UInt32) {
        var integer: Int64 = 0
        if header.coefficientType == 0 { integer = signed ? try bits.se() : Int64(try bits.ue()) }
        return (integer, try bits.bits(header.denominator))
    }
}

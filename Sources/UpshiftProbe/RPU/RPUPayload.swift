/// Turns an RPU NAL unit into its checked payload: emulation prevention removed, the `0x19`
/// prefix, the trailing zero bytes and `0x80`, and the CRC-32/MPEG-2 verified.
enum RPUPayload {
    /// The bytes after the `0x19` prefix and before the CRC, or `nil` when `nal` is not an RPU
    /// NAL unit (header `7C 01`) or its CRC does not match (then it is not a valid RPU).
    static func checked(nal: [UInt8]) -> [UInt8]? {
        guard nal.count >= 2, nal[0] == 0x7C, nal[1] == 0x01 else { return nil }
        var payload = unescaped(nal.dropFirst(2))
        while payload.last == 0 { payload.removeLast() }
        // 0x19, at least one byte of fields, four of CRC, 0x80.
        guard payload.count >= 7, payload[0] == 0x19, payload.last == 0x80 else { return nil }
        let crcStart = payload.count - 5
        guard let stored = payload.uint32(at: crcStart),
            CRC32MPEG2.checksum(payload[1..<crcStart]) == stored
        else { return nil }
        return Array(payload[1..<crcStart])
    }

    /// `bytes` with every emulation-prevention byte removed (`00 00 03` becomes `00 00`).
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var zeros = 0
        for byte in bytes {
            if zeros >= 2, byte == 3 {
                zeros = 0
                continue
            }
            output.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return output
    }
}

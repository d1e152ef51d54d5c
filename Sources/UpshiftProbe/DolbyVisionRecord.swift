/// The Dolby Vision decoder configuration record (`dvcC`, `dvvC` or `dvwC`, 24 bytes) that
/// Matroska keeps in a BlockAdditionMapping and MP4 in the sample entry.
///
/// It says "Dolby Vision, profile N", but FEL and MEL look the same here: only the RPU tells.
struct DolbyVisionRecord: Sendable, Hashable {
    /// `dv_profile`.
    var profile: Int
    /// `dv_level`.
    var level: Int
    /// `rpu_present_flag`.
    var rpuPresent: Bool
    /// `el_present_flag`.
    var elPresent: Bool
    /// `bl_present_flag`.
    var blPresent: Bool

    /// Parses the record's first four bytes; `nil` when it is shorter.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 4 else { return nil }
        profile = Int(bytes[2] >> 1)
        level = Int(bytes[2] & 1) << 5 | Int(bytes[3] >> 3)
        rpuPresent = bytes[3] & 4 != 0
        elPresent = bytes[3] & 2 != 0
        blPresent = bytes[3] & 1 != 0
    }

    /// The record types that carry this layout, as big-endian four-character codes.
    static let types: Set<UInt32> = [fourCC("dvcC"), fourCC("dvvC"), fourCC("dvwC")]
}

/// A four-character code as the big-endian `UInt32` containers store it.
func fourCC(_ text: StaticString) -> UInt32 {
    precondition(text.utf8CodeUnitCount == 4, "a four-character code has four characters")
    var value: UInt32 = 0
    for index in 0..<4 { value = value << 8 | UInt32(text.utf8Start[index]) }
    return value
}

/// Tells the container from the first bytes of a file (never from its name).
enum ContainerSniffer {
    /// Top-level box types an MP4 or MOV file starts with.
    static let mp4FirstBoxes: Set<UInt32> = [
        fourCC("ftyp"), fourCC("styp"), fourCC("moov"), fourCC("mdat"), fourCC("free"), fourCC("skip"),
        fourCC("wide"), fourCC("pdin"), fourCC("sidx"), fourCC("moof"), fourCC("uuid"),
    ]

    /// `.mkv` for an EBML header, `.mp4` for a plausible first box, else `nil`.
    static func container(of head: [UInt8]) -> ProbeContainer? {
        if head.uint32(at: 0) == MatroskaID.ebml { return .mkv }
        if let size = head.uint32(at: 0), let type = head.uint32(at: 4), mp4FirstBoxes.contains(type),
            size == 0 || size == 1 || size >= 8
        {
            return .mp4
        }
        return nil
    }
}

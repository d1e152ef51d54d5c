/// What a library file's own names state, read with ``ReleaseNameParser`` (SPEC §3): the only source
/// of a Dolby Vision profile and of FEL/MEL for a Radarr file, and of source and remux for a Plex one.
///
/// Several names may be known (the file name, the release it was grabbed as, the path it came
/// from); each fact is taken from the first name that states it, booleans from any name.
/// Shared by the Plex and Radarr quality readers, so both libraries read file names alike.
public struct FileNameStatements: Sendable, Hashable {
    /// The merged statements.
    public let quality: Quality

    /// Reads `names` in order of trust; paths are cut to their last component and a media extension dropped.
    /// A DV layer is kept only for profile 7 (or an unknown profile), the only profile that has one.
    public init(_ names: [String?]) {
        var merged = Quality()
        for name in names {
            guard let name, let stem = Self.stem(name) else { continue }
            let stated = ReleaseNameParser.parse(stem).quality
            merged.resolution = merged.resolution ?? stated.resolution
            merged.dv = merged.dv || stated.dv
            merged.dvProfile = merged.dvProfile ?? stated.dvProfile
            merged.dvLayer = merged.dvLayer ?? stated.dvLayer
            merged.hdr10 = merged.hdr10 || stated.hdr10
            merged.hdr10Plus = merged.hdr10Plus || stated.hdr10Plus
            merged.hlg = merged.hlg || stated.hlg
            merged.atmos = merged.atmos || stated.atmos
            merged.audio = merged.audio ?? stated.audio
            merged.channels = merged.channels ?? stated.channels
            merged.source = merged.source ?? stated.source
            merged.remux = merged.remux ?? stated.remux
            merged.codec = merged.codec ?? stated.codec
        }
        if merged.dvProfile != .p7 && merged.dvProfile != nil { merged.dvLayer = nil }
        quality = merged
    }

    /// File extensions dropped before parsing (compared lowercased).
    public static let mediaExtensions: Set<String> = [
        "mkv", "mp4", "m4v", "avi", "ts", "m2ts", "mov", "wmv", "iso", "webm",
    ]

    /// The last path component (`/` or `\` separated) without a media extension; nil when empty.
    public static func stem(_ path: String) -> String? {
        let last = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = last
        if let dot = last.lastIndex(of: "."), mediaExtensions.contains(last[last.index(after: dot)...].lowercased()) {
            stem = String(last[..<dot])
        }
        return stem.isEmpty ? nil : stem
    }
}

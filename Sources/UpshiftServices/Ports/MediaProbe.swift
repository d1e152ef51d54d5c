import UpshiftCore

/// One library file to probe: where the library (Plex, Radarr) says it is, and how to fetch it from
/// Plex when Upshift cannot read it directly.
public struct MediaFile: Sendable, Hashable {
    /// The path as Plex or Radarr reports it.
    public var path: String
    /// Its size, when the library reports it.
    public var sizeBytes: Int64?
    /// Plex's download key of the file (`/library/parts/<id>/<version>/file.mkv`), when known.
    public var partKey: String?

    /// Creates a file reference.
    public init(path: String, sizeBytes: Int64? = nil, partKey: String? = nil) {
        self.path = path
        self.sizeBytes = sizeBytes
        self.partKey = partKey
    }
}

/// What a file's own Dolby Vision metadata says (issue 8: only the RPU tells FEL from MEL).
public struct MediaProbeResult: Sendable, Hashable {
    /// Dolby Vision found (configuration record or RPU).
    public var dv: Bool
    /// The profile, when known.
    public var dvProfile: DVProfile?
    /// FEL or MEL, from a valid RPU of a profile 7 file; `nil` otherwise.
    public var dvLayer: DVLayer?
    /// Why the file could not be read to the end (corrupt, truncated), or `nil`.
    public var error: String?

    /// Creates a result.
    public init(dv: Bool, dvProfile: DVProfile? = nil, dvLayer: DVLayer? = nil, error: String? = nil) {
        self.dv = dv
        self.dvProfile = dvProfile
        self.dvLayer = dvLayer
        self.error = error
    }
}

/// Reads the Dolby Vision profile and layer of library files from their bytes: through
/// `media_path_mappings` when the file is readable here, else through Plex's part download.
public protocol MediaProbe: Sendable {
    /// What identifies the file's current content (its size and modification time, or Plex's
    /// part version), so a file is probed once and again only when it changes; `nil` when the
    /// file cannot be reached at all.
    func fingerprint(_ file: MediaFile) async -> String?

    /// Reads the file. Throws when it cannot be read (unreachable, refused): its layer stays unknown.
    func probe(_ file: MediaFile) async throws -> MediaProbeResult
}

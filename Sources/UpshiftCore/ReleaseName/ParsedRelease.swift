/// What a release name states, as read by ``ReleaseNameParser`` (SPEC §3, corpus/LABELS.md).
public struct ParsedRelease: Sendable, Hashable {
    /// The name, verbatim.
    public var name: String
    /// Movie, or a TV episode / season pack.
    public var kind: ReleaseKind
    /// The film title as a person would write it; `nil` when none could be read.
    public var title: String?
    /// The release year stated in the name.
    public var year: Int?
    /// The technical facts the name states.
    public var quality: Quality
    /// The release group (text after the final dash), when unambiguous.
    public var group: String?

    /// Creates a parsed release.
    public init(
        name: String, kind: ReleaseKind, title: String?, year: Int?, quality: Quality, group: String?
    ) {
        self.name = name
        self.kind = kind
        self.title = title
        self.year = year
        self.quality = quality
        self.group = group
    }
}

/// Whether a name is a film or a TV episode / season.
public enum ReleaseKind: String, Sendable, Hashable {
    case movie, episode
}

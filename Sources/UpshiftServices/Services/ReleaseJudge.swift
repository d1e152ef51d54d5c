import UpshiftCore

/// Parse → match → decide for one feed item (SPEC §1), with no side effect: shared by the feed
/// poller and `upshift feed --once`.
public struct ReleaseJudge: Sendable {
    /// The rules with the owner's settings.
    public var rules: UpgradeRules

    /// Creates a judge.
    public init(rules: UpgradeRules) {
        self.rules = rules
    }

    /// What one item is, which movie it is for, and whether to ask.
    public struct Judgement: Sendable, Hashable {
        /// What the name states (with the feed's size).
        public var parsed: ParsedRelease
        /// The library movie it matched.
        public var movie: LibraryMovie?
        /// The decision.
        public var decision: Decision
    }

    /// Judges `entry` against `library`.
    public func judge(_ entry: FeedEntry, library: LibraryIndex) -> Judgement {
        var parsed = ReleaseNameParser.parse(entry.title)
        if parsed.quality.sizeBytes == nil { parsed.quality.sizeBytes = entry.sizeBytes }
        let movie =
            parsed.kind == .movie
            ? parsed.title.flatMap { library.match(title: $0, year: parsed.year) } : nil
        let decision = rules.decide(parsed, current: movie?.quality, seeders: entry.seeders)
        return Judgement(parsed: parsed, movie: movie, decision: decision)
    }
}

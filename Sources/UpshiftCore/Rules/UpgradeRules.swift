/// The upgrade rules of SPEC §5: judges one release against the copy of the film already held.
///
/// The judgement runs in this order:
/// 1. A TV episode or season is `not_a_movie`.
/// 2. A release for a movie not in the library is `not_in_library` when `notify_only_library_movies`
///    is on; otherwise it is judged against an empty copy (no DV, no Atmos, unknown resolution).
/// 3. Every gain is worked out (DV rank, Atmos, resolution) and every enabled rule that holds fires;
///    the gains are listed whether or not their rule is enabled.
/// 4. With `notify_resolution_only_upgrades`, a release of lower resolution is a `downgrade`, whatever
///    it gains and whichever rules fired.
/// 5. When no rule fired the release is a `duplicate` (same DV rank, layer, Atmos and resolution) or
///    `none`, with a reason naming what it gains and which setting is off, or that it gains nothing.
/// 6. When a rule fired, the size and seeder filters may still make it `filtered`. Unknown sizes and
///    seeder counts never filter.
/// 7. Otherwise it notifies, with the kind of the strongest rule that fired (`fel` > `dv` > `atmos` >
///    `resolution`), auto-approved when that kind is listed in `auto_approve`.
///
/// Where SPEC §5 is silent:
/// - The combined DV + Atmos upgrade (`notify_atmos_with_dv_upgrade`) fires on any DV-rank gain that
///   adds Atmos, even when `notify_fel_from_hdr`, `notify_dv_from_hdr` or the like are off: the spec
///   says it notifies "even when `notify_dv` and `notify_atmos` are off".
/// - With `notify_atmos_only_if_no_atmos` off, any Atmos release that is not a duplicate fires the
///   Atmos rule, even one that loses DV rank or resolution; the reason then names the loss.
/// - A duplicate compares resolutions as they are known: an unknown resolution equals only an
///   unknown one, so a release that does not state its resolution is never a duplicate of a copy
///   whose resolution is known.
/// - `additional FEL copy` is listed as a gain only when `notify_fel_duplicates` fired; otherwise a
///   second FEL copy gains nothing.
/// - The downgrade guard applies whether or not any rule fired, so a lower-resolution release is
///   always reported as a `downgrade` while the guard is on.
/// - Sizes are compared in decimal gigabytes: the limit is `max_size_gb × 1,000,000,000` bytes, and a
///   release of exactly that size passes. A negative or non-finite limit is treated as off.
public struct UpgradeRules: Sendable {
    /// The settings every decision reads.
    public var settings: RuleSettings

    /// Bytes in one gigabyte as `max_size_gb` counts them (decimal, as trackers and Plex show sizes).
    public static let bytesPerGigabyte: Double = 1_000_000_000

    /// Creates the rules with the given settings (the SPEC §5 defaults unless told otherwise).
    public init(settings: RuleSettings = RuleSettings()) {
        self.settings = settings
    }

    /// Judges `release` against the copy of the film already held.
    ///
    /// - Parameters:
    ///   - release: the parsed release; its size is `release.quality.sizeBytes`.
    ///   - current: the quality of the copy held, or `nil` when the movie is not in the library.
    ///   - seeders: the seeder count when the feed gives it; `nil` never filters.
    /// - Returns: whether to ask the owner, the kind, one sentence of reason and every gain.
    public func decide(_ release: ParsedRelease, current: Quality?, seeders: Int? = nil) -> Decision {
        if release.kind == .episode {
            return Decision(notify: false, kind: .notAMovie, reason: "TV episode or season, not a movie.", gains: [])
        }
        if current == nil, settings.notifyOnlyLibraryMovies {
            return Decision(notify: false, kind: .notInLibrary, reason: "Not in the library.", gains: [])
        }
        let assessment = UpgradeAssessment(
            release: release.quality, current: current ?? Quality(), inLibrary: current != nil)
        let fired = assessment.firedRules(settings)
        let gains = assessment.gains(felDuplicateFired: fired.contains(.felDuplicate))

        if settings.notifyResolutionOnlyUpgrades, assessment.losesResolution {
            return Decision(
                notify: false, kind: .downgrade, reason: Reason.downgrade(assessment, gains: gains), gains: gains)
        }
        guard let kind = assessment.strongestKind(of: fired) else {
            if assessment.isDuplicate {
                return Decision(notify: false, kind: .duplicate, reason: Reason.duplicate(assessment), gains: gains)
            }
            let reason = Reason.nothingFired(assessment, blockers: assessment.blockers(settings))
            return Decision(notify: false, kind: .none, reason: reason, gains: gains)
        }
        if let filter = filterReason(sizeBytes: release.quality.sizeBytes, seeders: seeders) {
            return Decision(notify: false, kind: .filtered, reason: filter, gains: gains)
        }
        let reason = Reason.upgrade(
            assessment, kind: kind, felDuplicate: fired.contains(.felDuplicate) && kind == .fel, gains: gains)
        // An empty set is the default: skip hashing the kind for it.
        let autoApprove = !settings.autoApprove.isEmpty && settings.autoApprove.contains(kind)
        return Decision(notify: true, kind: kind, reason: reason, gains: gains, autoApprove: autoApprove)
    }

    // MARK: - Filters

    /// The reason a release that fired a rule is filtered out by `max_size_gb` or `min_seeders`, or
    /// `nil` when it passes. Unknown values pass.
    func filterReason(sizeBytes: Int64?, seeders: Int?) -> String? {
        var tooLarge: String?
        if settings.maxSizeGB > 0, settings.maxSizeGB.isFinite, let sizeBytes,
            Double(sizeBytes) > settings.maxSizeGB * Self.bytesPerGigabyte
        {
            let size = DecimalFormatting.gigabytes(sizeBytes)
            tooLarge = "\(size) over the \(DecimalFormatting.compact(settings.maxSizeGB)) GB limit"
        }
        var tooFewSeeders: String?
        if settings.minSeeders > 0, let seeders, seeders < settings.minSeeders {
            tooFewSeeders = "\(seeders) of the \(settings.minSeeders) required"
        }
        switch (tooLarge, tooFewSeeders) {
        case (let size?, let seeders?): return "Too large (\(size)) and too few seeders (\(seeders))."
        case (let size?, nil): return "Too large: \(size)."
        case (nil, let seeders?): return "Too few seeders: \(seeders)."
        case (nil, nil): return nil
        }
    }
}

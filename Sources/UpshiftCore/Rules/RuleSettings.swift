/// The settings the upgrade rules read (SPEC §5), with the documented defaults.
///
/// Field names follow the `settings.json` keys in camel case; `UpshiftSettings` maps the file to
/// this value. The core never reads files or the environment.
public struct RuleSettings: Sendable, Hashable {
    /// `notify_fel`: a P7 FEL release for a copy that is not FEL.
    public var notifyFEL = true
    /// `notify_fel_from_p5`: FEL over a lower-ranked DV copy (P5, P8 or P7 non-FEL).
    public var notifyFELFromP5 = true
    /// `notify_fel_from_hdr`: FEL over a copy without DV.
    public var notifyFELFromHDR = true
    /// `notify_fel_duplicates`: FEL over a copy that is already FEL ("additional FEL copy").
    public var notifyFELDuplicates = false
    /// `notify_dv`: DV upgrades other than FEL.
    public var notifyDV = false
    /// `notify_dv_from_hdr`: a DV release over a copy without DV.
    public var notifyDVFromHDR = true
    /// `notify_dv_profile_upgrades`: a DV release of higher DV rank.
    public var notifyDVProfileUpgrades = true
    /// `notify_atmos`: Atmos releases.
    public var notifyAtmos = false
    /// `notify_atmos_only_if_no_atmos`: only when the current copy lacks Atmos.
    public var notifyAtmosOnlyIfNoAtmos = true
    /// `notify_atmos_with_dv_upgrade`: a DV-rank upgrade that also adds Atmos notifies as one combined upgrade.
    public var notifyAtmosWithDVUpgrade = true
    /// `notify_resolution`: a release of higher resolution.
    public var notifyResolution = false
    /// `notify_resolution_only_upgrades`: a release of lower resolution never notifies.
    public var notifyResolutionOnlyUpgrades = true
    /// `notify_only_library_movies`: a release matching no library movie is skipped.
    public var notifyOnlyLibraryMovies = true
    /// `notify_expire_hours`: an unanswered request expires after this many hours.
    public var notifyExpireHours = 24
    /// `max_size_gb`: releases larger than this are filtered; 0 turns the limit off.
    public var maxSizeGB: Double = 0
    /// `min_seeders`: releases with fewer seeders (when known) are filtered; 0 turns it off.
    public var minSeeders = 0
    /// `auto_approve`: decision kinds approved without asking.
    public var autoApprove: Set<DecisionKind> = []

    /// The defaults of SPEC §5.
    public init() {}
}

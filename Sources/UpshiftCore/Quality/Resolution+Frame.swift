extension Resolution {
    /// The class of a measured frame: the larger of the classes its width and its height reach, so a film
    /// cropped to 2.40:1 keeps its class (3840x1600 → 2160p, 1920x800 → 1080p, 1280x536 → 720p).
    ///
    /// Nil when neither dimension is known (nil or not positive). Plex and Radarr both measure frames;
    /// this is the one table they share.
    public init?(frameWidth width: Int?, height: Int?) {
        let width = max(width ?? 0, 0)
        let height = max(height ?? 0, 0)
        guard width > 0 || height > 0 else { return nil }
        if width >= 3000 || height >= 1800 {
            self = .r2160p
        } else if width >= 1700 || height >= 1000 {
            self = .r1080p
        } else if width >= 1200 || height >= 700 {
            self = .r720p
        } else if height > 480 || width > 854 {
            self = .r576p
        } else {
            self = .r480p
        }
    }
}

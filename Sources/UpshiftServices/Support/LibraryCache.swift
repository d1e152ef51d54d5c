import Foundation
import UpshiftCore

/// The library in memory: the movies and their ``LibraryIndex``, replaced whole after each scan.
///
/// "Ready" means the library has been read at least once (from a scan, or from the store at start
/// when an earlier scan exists). The feed poller waits for it, so that a release is never judged
/// against an empty library only because the first scan has not finished.
public actor LibraryCache {
    private var index = LibraryIndex([])
    private var ready = false
    private var probing: (done: Int, total: Int)?

    /// An empty cache, not ready.
    public init() {}

    /// Replaces the library and marks the cache ready.
    public func replace(_ movies: [LibraryMovie]) {
        index = LibraryIndex(movies)
        markReady()
    }

    /// Marks the cache ready without changing it (no library source is configured).
    public func markReady() {
        ready = true
    }

    /// True once the library has been loaded.
    public var isReady: Bool { ready }

    /// Number of movies.
    public var count: Int { index.count }

    /// Every movie, in library order.
    public var movies: [LibraryMovie] { index.movies }

    /// The index itself, for callers that match many releases at once.
    public var snapshot: LibraryIndex { index }

    /// Files probed so far and to probe in the running scan, or `nil` when no probe runs: feeds
    /// wait for it (no release is judged against a copy whose probe is still to come).
    public var probeProgress: (done: Int, total: Int)? { probing }

    /// Sets ``probeProgress`` (`nil` when the probes are over).
    public func setProbeProgress(_ progress: (done: Int, total: Int)?) {
        probing = progress
    }
}

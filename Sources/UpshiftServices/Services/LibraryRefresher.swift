import Foundation
import Logging
import ServiceLifecycle
import UpshiftCore

/// Keeps the library current (SPEC §4): loads the stored library at start, scans the source
/// when the library is empty or older than `library_refresh_minutes`, then scans on that schedule.
/// A failed scan is logged and retried with backoff; the last good library stays in use. So does a
/// degraded one: a scan that finds no movie where the library has some (Plex's token lost access,
/// no sections), or that loses more than `library_max_shrink_percent` of them, is refused, shown
/// on the ``HealthBoard``, and retried. After each good scan, the releases recorded as not in the
/// library in the last ``rejudgeWindow`` are judged again at the next poll.
public actor LibraryRefresher: Service {
    let source: (any LibrarySource)?
    let store: any ApprovalStore
    let cache: LibraryCache
    let metrics: Metrics
    let logger: Logger
    let interval: TimeInterval
    let backoff: Backoff
    let now: @Sendable () -> Date
    /// The largest share of movies a scan may lose (0...1) before it is taken for a degraded source.
    let maxShrink: Double
    let health: HealthBoard
    /// Reads the layer of library files (`nil` when `library_probe` is off or nothing can be read).
    let probe: (any MediaProbe)?
    /// How long one scan's probes may take before the rest waits for the next scan.
    let probeTimeout: Duration
    /// Files probed at once.
    let probeConcurrency = 2
    /// How long one file's probe may take.
    let probeFileTimeout: Duration
    private var failures = 0
    /// How far back releases recorded as not in the library are judged again after a good scan.
    public static let rejudgeWindow: TimeInterval = 7 * 24 * 3600

    /// Creates the refresher. With no `source` the library stays as stored (empty for a new user)
    /// and is marked ready at once.
    public init(
        source: (any LibrarySource)?, store: any ApprovalStore, cache: LibraryCache, metrics: Metrics, logger: Logger,
        interval: TimeInterval, backoff: Backoff = Backoff(base: 60, cap: 3600), maxShrinkPercent: Int = 10,
        health: HealthBoard = HealthBoard(), probe: (any MediaProbe)? = nil, probeTimeout: Duration = .seconds(900),
        probeFileTimeout: Duration = .seconds(120), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.probeFileTimeout = probeFileTimeout
        self.probe = probe
        self.probeTimeout = probeTimeout
        self.maxShrink = Double(maxShrinkPercent) / 100
        self.health = health
        self.source = source
        self.store = store
        self.cache = cache
        self.metrics = metrics
        self.logger = logger
        self.interval = interval
        self.backoff = backoff
        self.now = now
    }

    /// Loads the stored library into the cache when it is fresh (or when there is no source), so
    /// feeds are polled at once. Returns when the next scan is due: now when the library is empty or
    /// stale (SPEC §1: scan first, then poll).
    @discardableResult
    public func loadStored() async throws -> Date {
        let stored = try await store.libraryMovies()
        let scannedAt = try await store.lastLibraryScan()
        let due = scannedAt.map { $0.addingTimeInterval(interval) } ?? now()
        if source == nil || (!stored.isEmpty && due > now()) {
            await cache.replace(stored)
            await metrics.set("upshift_library_movies", Double(stored.count))
            MemoryTrim.releaseFreeMemory()
        }
        return stored.isEmpty ? now() : due
    }

    /// Scans the source once, probes the files that need it, and replaces the library. Throws when
    /// the source cannot be read, or (unless `acceptDegraded`, for `upshift library scan`) when the
    /// scan is degraded (``LibraryScanRefusal``).
    @discardableResult
    public func refreshOnce(acceptDegraded: Bool = false) async throws -> [LibraryMovie] {
        guard let source else { return await cache.movies }
        let started = now()
        do {
            let scanned = try await source.scan()
            if !acceptDegraded { try await checkNotDegraded(scanned, source: source.name) }
            let movies = await probeLayers(scanned)
            try await store.replaceLibrary(movies, source: source.name, scannedAt: started)
            await health.report("library", nil)
            await cache.replace(movies)
            MemoryTrim.releaseFreeMemory()
            await metrics.increment("upshift_library_scans_total", ["result": "ok"])
            await metrics.set("upshift_library_movies", Double(movies.count))
            logger.info(
                "Library scanned",
                metadata: [
                    "library.source": "\(source.name)", "library.movies": "\(movies.count)",
                    "library.seconds": "\(Int(now().timeIntervalSince(started)))",
                ])
            await rejudgeNotInLibrary()
            return movies
        } catch let error as LibraryScanRefusal {
            await metrics.increment("upshift_library_scans_total", ["result": "degraded"])
            await health.report("library", error.description)
            throw error
        } catch {
            await metrics.increment("upshift_library_scans_total", ["result": "error"])
            await metrics.increment("upshift_errors_total", ["component": "library"])
            throw error
        }
    }

    /// Throws ``LibraryScanRefusal`` when the scan would replace a good library by a much smaller one.
    private func checkNotDegraded(_ movies: [LibraryMovie], source: String) async throws {
        // The stored library, not the one in memory: `upshift library scan` may have replaced it on purpose.
        let previous = try await store.libraryMovies().count
        guard previous > 0 else { return }
        if movies.isEmpty || Double(previous - movies.count) > Double(previous) * maxShrink {
            throw LibraryScanRefusal(source: source, found: movies.count, held: previous)
        }
    }

    /// Releases recorded as not in the library lately are judged again at the next poll: the film
    /// may have been added, or missing from a partial scan. Nothing already asked is asked again.
    private func rejudgeNotInLibrary() async {
        do {
            let marked = try await store.markNotInLibraryForRejudging(since: now().addingTimeInterval(-Self.rejudgeWindow))
            if marked > 0 { logger.info("Releases to judge again", metadata: ["releases.count": "\(marked)"]) }
        } catch {
            logger.error("Marking releases to judge again failed", metadata: ["error": "\(error)"])
        }
    }

    /// After a failed scan, a stale stored library is better than none: polling goes on with it.
    /// An empty one is not used (every release would be "not in the library" for good).
    private func useStaleLibrary() async {
        guard !(await cache.isReady), let stored = try? await store.libraryMovies(), !stored.isEmpty else { return }
        await cache.replace(stored)
        await metrics.set("upshift_library_movies", Double(stored.count))
        logger.warning("Using the stored library until a scan succeeds", metadata: ["library.movies": "\(stored.count)"])
    }

    /// Loads, scans when due, then scans every `library_refresh_minutes` until shutdown.
    public func run() async throws {
        var next: Date
        do {
            next = try await loadStored()
        } catch {
            logger.error("Reading the stored library failed", metadata: ["error": "\(error)"])
            next = now()
        }
        guard source != nil else {
            await cache.markReady()
            return try await gracefulShutdown()
        }
        repeat {
            if next <= now() {
                do {
                    try await cancelWhenGracefulShutdown { try await self.refreshOnce() }
                    failures = 0
                    next = now().addingTimeInterval(interval)
                } catch {
                    if Task.isCancelled || Task.isShuttingDownGracefully { break }
                    failures += 1
                    let delay = backoff.delay(afterAttempts: failures)
                    next = now().addingTimeInterval(min(delay, interval))
                    logger.error(
                        "Library scan failed",
                        metadata: ["error": "\(error)", "retry.in_seconds": "\(Int(min(delay, interval)))"])
                    await useStaleLibrary()
                }
            }
        } while await pause(.seconds(max(1, next.timeIntervalSince(now()))))
    }
}

/// A scan refused as degraded: it would replace the library by a much smaller one.
public struct LibraryScanRefusal: Error, Sendable, CustomStringConvertible {
    /// `Plex` or `Radarr`.
    public var source: String
    /// Movies the scan found.
    public var found: Int
    /// Movies in the last good library.
    public var held: Int

    public var description: String {
        "The \(source) scan found \(found) movies where the library holds \(held); it looks incomplete, so the "
            + "last good library is kept (run `upshift library scan` to accept it)."
    }
}

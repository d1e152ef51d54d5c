import Foundation
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftSettings
import UpshiftStore
import UpshiftTestSupport

/// The library learns FEL or MEL from its files (issue 8): probed once per file version, two at
/// a time, and no release judged against a copy whose probe is still to come.
@Suite struct LibraryProbeTests {
    /// Answers from a table of path → result; counts probes; a missing path is unreadable.
    actor TableProbe: MediaProbe {
        var results: [String: MediaProbeResult]
        var versions: [String: String] = [:]
        private(set) var probed: [String] = []

        init(_ results: [String: MediaProbeResult]) { self.results = results }

        func setVersion(_ version: String, for path: String) { versions[path] = version }

        nonisolated func fingerprint(_ file: MediaFile) async -> String? {
            await versions[file.path] ?? "v1"
        }

        func probe(_ file: MediaFile) async throws -> MediaProbeResult {
            probed.append(file.path)
            guard let result = results[file.path] else { throw FakeError.down("file \(file.path)") }
            return result
        }
    }

    static let felPath = "/media/movies/Heat (1995)/Heat (1995) Remux-2160p.mkv"
    static let melPath = "/media/movies/Alien (1979)/Alien (1979) Remux-2160p.mkv"
    static let movies = [
        LibraryMovie(
            id: "plex:1", title: "Heat", year: 1995,
            quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p7, atmos: true),
            filePath: felPath),
        LibraryMovie(
            id: "plex:2", title: "Alien", year: 1979,
            quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p7, atmos: true),
            filePath: melPath),
        LibraryMovie(
            id: "plex:3", title: "Dune", year: 2021, quality: Quality(resolution: .r2160p, dv: true, dvProfile: .p8),
            filePath: "/media/movies/Dune (2021)/Dune.mkv"),
    ]

    static func refresher(_ h: WorkflowHarness, probe: TableProbe) -> LibraryRefresher {
        LibraryRefresher(
            source: LibraryRefresherTests.Source(movies: movies), store: h.store, cache: h.library,
            metrics: h.metrics, logger: h.capture.logger, interval: 3600, probe: probe, now: h.clock.closure)
    }

    @Test func theLayerComesFromTheFileAndDecidesTheQuestion() async throws {
        let h = try WorkflowHarness()
        let probe = TableProbe([
            Self.felPath: MediaProbeResult(dv: true, dvProfile: .p7, dvLayer: .fel),
            Self.melPath: MediaProbeResult(dv: true, dvProfile: .p7, dvLayer: .mel),
        ])
        let movies = try await Self.refresher(h, probe: probe).refreshOnce()
        #expect(movies[0].quality.dvLayer == .fel && movies[0].quality.dvLayerSource == .file)
        #expect(movies[1].quality.dvLayer == .mel && movies[1].quality.dvLayerSource == .file)
        #expect(Set(await probe.probed) == [Self.felPath, Self.melPath])  // not the P8 copy
        #expect(try await h.store.libraryMovies()[1].quality.dvLayerSource == .file)

        await h.list([
            "Heat.1995.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP",
            "Alien.1979.2160p.UHD.BluRay.REMUX.DV.P7.FEL.TrueHD.Atmos.7.1-GRP",
        ])
        let summary = await h.poller.pollOnce()
        #expect(summary.requests.count == 1)
        let asked = try #require(await h.chat.sent.first)
        #expect(asked.movieTitle == "Alien")
        #expect(asked.gains.first == "P7 MEL → P7 FEL")
        #expect(asked.current?.dvLayerSource == .file)
        let heat = try #require(try await h.store.recentReleases(limit: 5).first { $0.movieTitle == "Heat" })
        #expect(heat.decision.kind == .duplicate)
    }

    @Test func aFileIsProbedOnceAndAgainOnlyWhenItChanges() async throws {
        let h = try WorkflowHarness()
        let probe = TableProbe([
            Self.felPath: MediaProbeResult(dv: true, dvProfile: .p7, dvLayer: .fel),
            Self.melPath: MediaProbeResult(dv: true, dvProfile: .p7, dvLayer: .mel),
        ])
        let refresher = Self.refresher(h, probe: probe)
        try await refresher.refreshOnce()
        try await refresher.refreshOnce()
        #expect(await probe.probed.count == 2)
        await probe.setVersion("v2", for: Self.melPath)
        let movies = try await refresher.refreshOnce()
        #expect(await probe.probed.count == 3)
        #expect(movies[1].quality.dvLayer == .mel)
    }

    @Test func anUnreadableFileKeepsItsLayerUnknownAndIsTriedAgain() async throws {
        let h = try WorkflowHarness()
        let probe = TableProbe([Self.felPath: MediaProbeResult(dv: true, dvProfile: .p7, dvLayer: .fel)])
        let refresher = Self.refresher(h, probe: probe)
        let movies = try await refresher.refreshOnce()
        #expect(movies[1].quality.dvLayer == nil && movies[1].quality.dvLayerSource == nil)
        #expect(h.capture.text.contains("Library file could not be probed"))
        #expect(await h.metrics.value("upshift_library_probes_total", ["result": "unreadable"]) == 1)
        try await refresher.refreshOnce()
        #expect(await probe.probed.filter { $0 == Self.melPath }.count == 2)
    }

    @Test func feedsWaitWhileFilesAreProbed() async throws {
        let h = try WorkflowHarness()
        try await h.loadLibrary()
        await h.list([WorkflowTests.fel])
        await h.library.setProbeProgress((3, 10))
        #expect(!(await h.poller.pollOnce(force: true).libraryReady))
        #expect(await h.feeds.fetches.isEmpty)
        await h.library.setProbeProgress(nil)
        #expect(await h.poller.pollOnce(force: true).requests.count == 1)
    }
}

extension LibraryProbeTests {
    /// A read that never returns (a hung network mount), whatever cancellation says.
    struct HungProbe: MediaProbe {
        func fingerprint(_ file: MediaFile) async -> String? { "v1" }
        func probe(_ file: MediaFile) async throws -> MediaProbeResult {
            // Not cancellable, like a read stuck in the kernel.
            await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
            return MediaProbeResult(dv: true)
        }
    }

    @Test func aHungFileIsGivenUpAndFeedsGoOn() async throws {
        let h = try WorkflowHarness()
        let refresher = LibraryRefresher(
            source: LibraryRefresherTests.Source(movies: Self.movies), store: h.store, cache: h.library,
            metrics: h.metrics, logger: h.capture.logger, interval: 3600, probe: HungProbe(),
            probeFileTimeout: .milliseconds(200), now: h.clock.closure)
        let movies = try await refresher.refreshOnce()
        #expect(movies.count == 3 && movies[0].quality.dvLayer == nil)
        #expect(await h.library.probeProgress == nil)
        #expect(await h.library.isReady)
    }
}

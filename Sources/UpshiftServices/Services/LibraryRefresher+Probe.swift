import Foundation
import Logging
import UpshiftCore

extension LibraryRefresher {
    /// The copies whose layer only their file can tell: Dolby Vision, not known to be P5 or P8,
    /// with no layer stated by the file name, and a file to read.
    static func needsProbe(_ movie: LibraryMovie) -> Bool {
        let quality = movie.quality
        return quality.dv && quality.dvProfile != .p5 && quality.dvProfile != .p8 && quality.dvLayerSource != .name
            && movie.filePath != nil
    }

    /// Reads the layer of every copy that needs it, two files at a time, from the store when the
    /// file has not changed since it was probed, else from the file (issue 8). The whole pass is
    /// bounded by ``probeTimeout`` and each file by ``probeFileTimeout``: what is not probed by then
    /// stays unknown until the next scan.
    /// Progress is on the ``LibraryCache`` (and so on `/api/health`) while it runs; a file that
    /// cannot be read is logged once and counted.
    func probeLayers(_ movies: [LibraryMovie]) async -> [LibraryMovie] {
        guard let probe else { return movies }
        let wanted = movies.indices.filter { Self.needsProbe(movies[$0]) }
        guard !wanted.isEmpty else { return movies }
        var result = movies
        var done = 0
        var unreadable = 0
        var fromFiles = 0
        await cache.setProbeProgress((0, wanted.count))
        logger.info("Probing library files", metadata: ["probe.files": "\(wanted.count)"])
        let deadline = ContinuousClock.now + probeTimeout
        await withTaskGroup(of: (Int, ProbeOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < wanted.count, ContinuousClock.now < deadline else { return }
                let index = wanted[next]
                next += 1
                let movie = movies[index]
                let limit = probeFileTimeout
                group.addTask {
                    // One file stuck (a hung network mount) is given up; it cannot hold the scan.
                    (index, await withDeadline(limit) { await self.probeOne(movie, with: probe) } ?? .unreadable)
                }
            }
            for _ in 0..<probeConcurrency { startNext() }
            while let (index, outcome) = await group.next() {
                done += 1
                switch outcome {
                case .known(let read, let probed):
                    result[index].quality = Self.applying(read, to: result[index].quality)
                    if probed { fromFiles += 1 }
                case .unreadable:
                    unreadable += 1
                }
                await cache.setProbeProgress((done, wanted.count))
                startNext()
            }
        }
        await cache.setProbeProgress(nil)
        await metrics.increment("upshift_library_probes_total", ["result": "read"], by: fromFiles)
        await metrics.increment("upshift_library_probes_total", ["result": "unreadable"], by: unreadable)
        await metrics.increment("upshift_library_probes_total", ["result": "cached"], by: done - fromFiles - unreadable)
        logger.info(
            "Library files probed",
            metadata: [
                "probe.files": "\(wanted.count)", "probe.read": "\(fromFiles)", "probe.unreadable": "\(unreadable)",
                "probe.skipped": "\(wanted.count - done)",
            ])
        return result
    }

    /// A probe's outcome for one file.
    enum ProbeOutcome: Sendable {
        /// What the file says; `probed` is false when it came from the store.
        case known(MediaProbeResult, probed: Bool)
        /// The file could not be read (logged).
        case unreadable
    }

    private func probeOne(_ movie: LibraryMovie, with probe: any MediaProbe) async -> ProbeOutcome {
        guard let path = movie.filePath else { return .unreadable }
        let file = MediaFile(path: path, sizeBytes: movie.quality.sizeBytes, partKey: movie.partKey)
        do {
            guard let fingerprint = await probe.fingerprint(file) else {
                throw MediaProbeUnreachable()
            }
            if let known = try await store.probeResult(path: path, fingerprint: fingerprint) {
                return .known(known, probed: false)
            }
            let read = try await probe.probe(file)
            try await store.saveProbeResult(read, path: path, fingerprint: fingerprint, at: now())
            if let error = read.error {
                logger.warning("Library file could not be read to the end", metadata: ["file": "\(path)", "error": "\(error)"])
            }
            return .known(read, probed: true)
        } catch {
            logger.warning(
                "Library file could not be probed", metadata: ["file": "\(path)", "error": "\(error)"])
            return .unreadable
        }
    }

    /// The copy's quality with what its file says: the layer (profile 7) from a valid RPU, with
    /// its source; a profile Plex or Radarr did not know. Nothing the file does not state changes.
    static func applying(_ read: MediaProbeResult, to quality: Quality) -> Quality {
        var quality = quality
        if quality.dvProfile == nil, let profile = read.dvProfile { quality.dvProfile = profile }
        if quality.dvProfile == .p7, read.dvProfile == .p7, let layer = read.dvLayer {
            quality.dvLayer = layer
            quality.dvLayerSource = .file
        }
        return quality
    }
}

/// A library file that cannot be reached (no mapping applies and no Plex part to fetch).
struct MediaProbeUnreachable: Error, CustomStringConvertible {
    var description: String { "The file is not readable here and cannot be fetched from Plex." }
}

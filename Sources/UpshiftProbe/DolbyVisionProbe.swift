/// Reads the Dolby Vision profile and, for profile 7, FEL or MEL from a film file's own bytes
/// (never its name), through a random-access ``ByteSource``.
///
/// It reads the head, the track list and the tail of the first video frame: a few tens of KiB
/// for a film of tens of GB. The layer comes only from a valid RPU (its CRC checked); the
/// profile comes from that RPU, else from the container's configuration record.
public enum DolbyVisionProbe {
    /// Probes `source`. Never throws: a problem (not Matroska or MP4, truncated, corrupt, laced
    /// video, a failing source) is reported in ``ProbeReport/error``, with what was learned
    /// before it.
    public static func probe(_ source: some ByteSource) async -> ProbeReport {
        var report = ProbeReport()
        var reader = SourceReader(source: source)
        do {
            try await reader.open()
            try await examine(&reader, &report)
        } catch {
            report.dvLayer = nil
            report.error = String(describing: (error as? ProbeError) ?? .source(String(describing: error)))
        }
        report.bytesRead = reader.bytesRead
        return report
    }

    /// Recognises the container, finds the video track and reads its first frames' RPUs.
    private static func examine(_ reader: inout SourceReader, _ report: inout ProbeReport) async throws {
        let head = try await reader.bytes(at: 0, count: 16)
        switch ContainerSniffer.container(of: head) {
        case .mkv:
            report.container = .mkv
            var matroska = try await MatroskaReader.open(&reader)
            guard let entry = matroska.videoTrack else { throw ProbeError.noVideoTrack }
            let isHEVC = entry.codecID == MatroskaTrackEntry.hevcCodecID
            var track = VideoTrack(
                isHEVC: isHEVC, nalLengthSize: 4, record: entry.record, isEncoded: entry.hasContentEncodings)
            if isHEVC {
                guard let size = VideoTrack.nalLengthSize(hvcC: entry.codecPrivate) else {
                    throw ProbeError.malformed("the Matroska HEVC track has no valid hvcC CodecPrivate")
                }
                track.nalLengthSize = size
            }
            try await readFrames(track, &matroska, &reader, &report)
        case .mp4:
            report.container = .mp4
            var mp4 = try await MP4Reader.open(&reader)
            guard let track = mp4.videoTrack else { throw ProbeError.noVideoTrack }
            try await readFrames(track, &mp4, &reader, &report)
        case nil:
            throw ProbeError.notMatroskaOrMP4
        }
    }

    /// Applies the configuration record, then reads RPUs frame by frame until one carries its own
    /// mapping (at most ``ProbeLimits/maxFrames``), or a frame has no RPU.
    private static func readFrames(
        _ track: VideoTrack, _ frames: inout some VideoFrameSource, _ reader: inout SourceReader,
        _ report: inout ProbeReport
    ) async throws {
        if let record = track.record {
            report.dv = true
            report.dvProfile = knownProfile(record.profile)
        }
        guard track.isHEVC else { return }
        guard !track.isEncoded else { throw ProbeError.encodedVideoTrack }
        for index in 0..<ProbeLimits.maxFrames {
            guard let frame = try await frames.nextFrame(&reader) else {
                if index == 0 { throw ProbeError.noVideoFrame }
                return
            }
            switch try await RPUFinder.find(in: frame, lengthSize: track.nalLengthSize, reader: &reader) {
            case .absent:
                return
            case .invalid:
                continue
            case .valid(let rpu):
                report.dv = true
                if let profile = rpu.profile { report.dvProfile = knownProfile(profile) }
                if !rpu.deferred {
                    report.dvLayer = rpu.profile == 7 ? rpu.layer : nil
                    return
                }
            }
        }
    }

    /// The profile when it is one the report names (5, 7 or 8).
    private static func knownProfile(_ profile: Int) -> Int? {
        [5, 7, 8].contains(profile) ? profile : nil
    }
}

import Foundation
import UpshiftServices

/// A torrent client in memory, for service tests: records every add, reports the progress a test
/// sets, and fails while ``down`` is true (like a qBittorrent that is not running).
///
/// Its "torrent files" are ``FakeTorrent/data(hash:name:size:)`` texts; anything else is refused as
/// not a torrent.
public actor FakeTorrentClient: TorrentClient {
    /// One recorded add.
    public struct Add: Sendable, Hashable {
        /// The torrent's hash.
        public var hash: String
        /// The options given.
        public var options: TorrentAddOptions
    }

    /// Every add that succeeded, in order (repeats of a known hash included).
    public private(set) var adds: [Add] = []
    /// Torrents held, by hash.
    public private(set) var held: [String: TorrentProgress] = [:]
    /// While true every call throws ``FakeError/down``.
    public var down = false
    /// Adds that threw.
    public private(set) var failedAdds = 0
    /// How long each add takes (a slow qBittorrent), so tests can race other calls.
    public var addDelay: Duration = .zero

    /// What ``loginRefusal`` reports; while set every call throws ``TorrentClientLoginRefused``.
    public private(set) var refusal: String?

    /// Sets ``refusal`` (a wrong password).
    public func setLoginRefusal(_ value: String?) { refusal = value }

    public var loginRefusal: String? { refusal }

    /// Sets ``addDelay``.
    public func setAddDelay(_ value: Duration) { addDelay = value }

    /// An empty client.
    public init() {}

    /// Sets ``down``.
    public func setDown(_ value: Bool) { down = value }

    /// Sets what ``status(hash:)`` reports for a torrent.
    public func setProgress(_ hash: String, _ progress: TorrentProgress?) { held[hash] = progress }

    public nonisolated func inspect(_ torrent: Data) throws -> TorrentMetadata {
        try FakeTorrent.parse(torrent)
    }

    /// While true an add takes the torrent and then throws (a reply lost to a timeout).
    public private(set) var addTakesButFails = false

    /// Sets ``addTakesButFails``.
    public func setAddTakesButFails(_ value: Bool) { addTakesButFails = value }

    /// Adds begun, finished or not (so a test can act while one is in flight).
    public private(set) var addsStarted = 0

    public func add(_ torrent: Data, options: TorrentAddOptions) async throws {
        addsStarted += 1
        if addDelay > .zero { try await Task.sleep(for: addDelay) }
        if let refusal { throw TorrentClientLoginRefused(refusal) }
        guard !down else {
            failedAdds += 1
            throw FakeError.down("qBittorrent")
        }
        let metadata = try FakeTorrent.parse(torrent)
        adds.append(Add(hash: metadata.hash, options: options))
        if held[metadata.hash] == nil {
            held[metadata.hash] = TorrentProgress(
                phase: .downloading, progress: 0, state: "stalledDL", savePath: options.savePath)
        }
        if addTakesButFails { throw FakeError.down("qBittorrent (timed out)") }
    }

    public func status(hash: String) async throws -> TorrentProgress? {
        if let refusal { throw TorrentClientLoginRefused(refusal) }
        guard !down else { throw FakeError.down("qBittorrent") }
        return held[hash]
    }
}

/// The fake `.torrent` format: `fake-torrent|<hash>|<name>|<size>`.
public enum FakeTorrent {
    /// A fake torrent file.
    public static func data(hash: String, name: String = "payload", size: Int64 = 1_000) -> Data {
        Data("fake-torrent|\(hash)|\(name)|\(size)".utf8)
    }

    /// Reads a fake torrent file.
    public static func parse(_ data: Data) throws -> TorrentMetadata {
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "fake-torrent", let size = Int64(parts[3]) else {
            throw PermanentTorrentError("The file is not a torrent.")
        }
        return TorrentMetadata(hash: String(parts[1]), name: String(parts[2]), sizeBytes: size)
    }
}

/// Failures of the fakes.
public enum FakeError: Error, CustomStringConvertible {
    /// The faked service is down.
    case down(String)

    public var description: String {
        switch self {
        case .down(let service): "\(service) could not be reached"
        }
    }
}

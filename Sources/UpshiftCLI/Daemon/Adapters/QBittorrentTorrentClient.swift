import Foundation
import QBittorrent
import UpshiftServices

/// The `TorrentClient` port on qBittorrent. A stored "torrent" is either a `.torrent` file or a
/// magnet URI (for feeds that only give magnets); both are read here, so the hash is always known.
struct QBittorrentTorrentClient: TorrentClient {
    let client: QBittorrentClient

    func inspect(_ torrent: Data) throws -> TorrentMetadata {
        switch try Self.source(torrent) {
        case .file(let file):
            return TorrentMetadata(hash: file.infoHash, name: file.name, sizeBytes: file.totalSize)
        case .magnet(let magnet):
            return TorrentMetadata(hash: magnet.infoHash, name: "", sizeBytes: 0)
        }
    }

    func add(_ torrent: Data, options: UpshiftServices.TorrentAddOptions) async throws {
        let source = try Self.source(torrent)
        let qbit = QBittorrent.TorrentAddOptions(
            savePath: options.savePath, category: options.category.isEmpty ? nil : options.category,
            tags: options.tags, sequentialDownload: options.sequentialDownload, paused: options.paused)
        do {
            _ = try await client.add(source, options: qbit)
        } catch let error as QBittorrentError {
            switch error {
            case .notATorrent, .invalidTorrent, .invalidMagnet, .addFailed:
                throw PermanentTorrentError(error.description)
            default:
                throw await Self.clear(error, client: client)
            }
        }
    }

    /// By the v1 hash ``inspect(_:)`` gave: the client also finds a hybrid v1 + v2 torrent that
    /// qBittorrent lists under its truncated v2 hash.
    func status(hash: String) async throws -> TorrentProgress? {
        let found: TorrentInfo?
        do {
            found = try await client.torrent(hash: hash)
        } catch let error as QBittorrentError {
            throw await Self.clear(error, client: client)
        }
        guard let info = found else { return nil }
        let phase: TorrentProgress.Phase =
            info.state.isError ? .failed : (info.isComplete || info.progress >= 1) ? .completed : .downloading
        return TorrentProgress(phase: phase, progress: info.progress, state: info.state.rawValue, savePath: info.savePath)
    }

    /// Why qBittorrent's client no longer logs in (a refused password or a ban), or nil.
    var loginRefusal: String? {
        get async { await client.loginRefusal?.description }
    }

    /// A refused login (now, or earlier and not asked again) as ``TorrentClientLoginRefused`` with the
    /// refusal's advice; any other error unchanged.
    static func clear(_ error: QBittorrentError, client: QBittorrentClient) async -> any Error {
        switch error {
        case .loginFailed, .banned, .loginRefused:
            return TorrentClientLoginRefused(await client.loginRefusal?.description ?? error.description)
        default:
            return error
        }
    }

    /// A `.torrent` file or a magnet URI; anything else is a permanent error.
    static func source(_ data: Data) throws -> TorrentSource {
        if data.starts(with: Array("magnet:".utf8)) {
            do {
                return .magnet(try MagnetLink(String(decoding: data, as: UTF8.self)))
            } catch {
                throw PermanentTorrentError("\(error)")
            }
        }
        do {
            return .file(try TorrentFile.parse(data))
        } catch {
            throw PermanentTorrentError("\(error)")
        }
    }
}

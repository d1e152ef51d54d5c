import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1

extension QBittorrentClient {
    // MARK: - Adding

    /// Adds a torrent. A category is created first when missing; a save path turns automatic torrent
    /// management off for this torrent so the path is used as given. Booleans are sent as `true`/`false`,
    /// and `paused` or `stopped` according to the server's WebAPI version.
    ///
    /// qBittorrent hands the torrent to libtorrent asynchronously, so it can be missing from
    /// `torrents/info` for a moment after `Ok.`: this method waits (up to 3 s) until it is listed,
    /// so ``torrent(hash:)`` finds it as soon as `add` returns.
    ///
    /// - Returns: ``TorrentAddResult/added``, or ``TorrentAddResult/alreadyPresent`` when qBittorrent
    ///   refused it (`Fails.`, or 409 on 5.x) and lists its hash: a duplicate keeps its own options.
    /// - Throws: ``QBittorrentError/notATorrent(detail:)`` (HTTP 415), ``QBittorrentError/addFailed(hash:)``
    ///   (refused and not listed), ``QBittorrentError/categoryRejected(name:detail:)``, or a session or
    ///   transport error.
    public func add(_ source: TorrentSource, options: TorrentAddOptions = .init()) async throws -> TorrentAddResult {
        let version = try await version()
        var fields: [(String, String)] = []
        if let savePath = options.savePath, !savePath.isEmpty {
            fields += [("savepath", savePath), ("autoTMM", "false")]
        }
        if let category = options.category, !category.isEmpty {
            try await ensureCategory(category)
            fields.append(("category", category))
        }
        let tags = options.tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !tags.isEmpty { fields.append(("tags", tags.joined(separator: ","))) }
        fields.append(("sequentialDownload", options.sequentialDownload ? "true" : "false"))
        fields.append((version.usesStoppedNaming ? "stopped" : "paused", options.paused ? "true" : "false"))
        if let layout = options.contentLayout { fields.append(("contentLayout", layout.rawValue)) }

        let body: Body
        switch source {
        case .file(let torrent):
            // A hybrid is listed under its truncated v2 hash (libtorrent 2) or its v1 hash (1.2).
            listedNames[torrent.infoHash] = torrent.listedHashes.last
            var multipart = MultipartFormBody()
            for (name, value) in fields { multipart.addField(name, value) }
            multipart.addFile(
                "torrents", filename: "\(torrent.infoHash).torrent", contentType: "application/x-bittorrent",
                content: torrent.data
            )
            body = .multipart(multipart)
        case .magnet(let magnet):
            body = .form([("urls", magnet.uri)] + fields)
        }
        let reply = try await send(.POST, "torrents/add", body: body)
        let result = try await addResult(reply, hash: source.infoHash)
        if result == .added, try await !awaitListing(source.infoHash, within: .seconds(3)) {
            logger.warning(
                "qBittorrent does not list the added torrent yet", metadata: ["torrent.hash": "\(source.infoHash)"])
        }
        logger.info(
            result == .added ? "qBittorrent torrent added" : "qBittorrent torrent already present",
            metadata: ["torrent.hash": "\(source.infoHash)", "qbittorrent.category": "\(options.category ?? "")"]
        )
        return result
    }

    /// Reads an add answer: `Ok.`/empty (4.x), JSON counts (WebAPI 2.14+), `Fails.` or 409 (confirmed by hash).
    private func addResult(_ reply: HTTPReply, hash: String) async throws -> TorrentAddResult {
        switch reply.status {
        case 415:
            throw QBittorrentError.notATorrent(detail: snippet(reply))
        case 200..<300, 409:
            let text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if reply.isSuccess, text.isEmpty || text == "Ok." { return .added }
            if let counts = try? JSONDecoder().decode(AddCounts.self, from: reply.body),
                (counts.successCount ?? 0) + (counts.pendingCount ?? 0) > 0
            {
                return .added
            }
            // Refused: a duplicate (listed, or still being loaded by an add a moment ago) or a failure.
            guard try await awaitListing(hash, within: .seconds(1)) else {
                throw QBittorrentError.addFailed(hash: hash)
            }
            return .alreadyPresent
        default:
            throw QBittorrentError.http(caller.statusError(reply))
        }
    }

    /// True as soon as `torrents/info` lists `hash`; false when it still does not after `limit`.
    private func awaitListing(_ hash: String, within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while try await torrent(hash: hash) == nil {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    /// The JSON answer of `torrents/add` from WebAPI 2.14 on.
    private struct AddCounts: Decodable {
        var successCount: Int?
        var failureCount: Int?
        var pendingCount: Int?

        enum CodingKeys: String, CodingKey {
            case successCount = "success_count"
            case failureCount = "failure_count"
            case pendingCount = "pending_count"
        }
    }

    // MARK: - Reading

    /// The torrent with this info-hash (any case), or nil when qBittorrent does not have it: found by
    /// its v1 hash, or its v2 hash whole or truncated, whichever qBittorrent lists it under.
    ///
    /// qBittorrent on libtorrent 2 lists a hybrid v1 + v2 torrent under its truncated v2 hash, and
    /// `torrents/info?hashes=` does not match its v1 hash. So a v1 hash is asked together with the
    /// name learned from the `.torrent` this client added; a v1 hash it knows nothing about (after a
    /// restart) that `hashes=` does not find is looked for in the whole list, and the name it is
    /// listed under is remembered.
    ///
    /// - Throws: ``QBittorrentError/invalidHash(_:)`` unless `hash` is 40 or 64 hex characters.
    public func torrent(hash: String) async throws -> TorrentInfo? {
        let wanted = try Self.checkedHash(hash)
        var names = [String(wanted.prefix(40))]
        if let known = listedNames[wanted], !names.contains(known) { names.append(known) }
        let listed = try await list(query: [("hashes", names.joined(separator: "|"))])
        if let found = listed.first(where: { $0.isNamed(wanted) }) { return found }
        guard wanted.count == 40, listedNames[wanted] == nil else { return nil }
        guard let found = try await list(query: []).first(where: { $0.isNamed(wanted) }) else { return nil }
        listedNames[wanted] = found.hash
        return found
    }

    /// `hash` trimmed and lower-cased when it is 40 or 64 hex characters.
    static func checkedHash(_ hash: String) throws -> String {
        let wanted = hash.trimmingCharacters(in: .whitespaces).lowercased()
        guard wanted.count == 40 || wanted.count == 64, wanted.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw QBittorrentError.invalidHash(hash)
        }
        return wanted
    }

    /// Every torrent, or those in `category` (an empty string = torrents without a category).
    public func torrents(category: String? = nil) async throws -> [TorrentInfo] {
        try await list(query: category.map { [("category", $0)] } ?? [])
    }

    private func list(query: [(String, String)]) async throws -> [TorrentInfo] {
        let reply = try requireSuccess(try await send(.GET, "torrents/info", query: query, maxBodyBytes: 64 << 20))
        do {
            return try JSONDecoder().decode([TorrentInfo].self, from: reply.body)
        } catch {
            throw QBittorrentError.http(caller.malformed(reply, "torrents/info is not a JSON array of torrents"))
        }
    }

    // MARK: - Removing

    /// Removes a torrent (by any of its hashes, as ``torrent(hash:)`` finds it), and its downloaded
    /// files when `deleteFiles` is true. Unknown hashes are ignored.
    public func delete(hash: String, deleteFiles: Bool) async throws {
        guard let listed = try await torrent(hash: hash)?.hash else { return }
        let fields = [("hashes", listed), ("deleteFiles", deleteFiles ? "true" : "false")]
        _ = try requireSuccess(try await send(.POST, "torrents/delete", body: .form(fields)))
        logger.info("qBittorrent torrent deleted", metadata: ["torrent.hash": "\(listed)"])
    }

    // MARK: - Categories

    /// Makes sure `name` exists as a category (creating it, with `savePath` when given). An existing
    /// category is fine and left unchanged. Remembered, so later adds do not ask again.
    ///
    /// - Throws: ``QBittorrentError/categoryRejected(name:detail:)`` for a name qBittorrent refuses.
    public func ensureCategory(_ name: String, savePath: String? = nil) async throws {
        guard !knownCategories.contains(name) else { return }
        var fields = [("category", name)]
        if let savePath { fields.append(("savePath", savePath)) }
        let reply = try await send(.POST, "torrents/createCategory", body: .form(fields))
        switch reply.status {
        case 200..<300:
            logger.info("qBittorrent category created", metadata: ["qbittorrent.category": "\(name)"])
        case 409:
            // "Unable to create category" means it exists, but the text is translated: ask the list.
            guard try await categories().contains(name) else {
                throw QBittorrentError.categoryRejected(name: name, detail: snippet(reply))
            }
        case 400:
            throw QBittorrentError.categoryRejected(name: name, detail: snippet(reply))
        default:
            throw QBittorrentError.http(caller.statusError(reply))
        }
        knownCategories.insert(name)
    }

    /// The names of every category.
    public func categories() async throws -> [String] {
        let reply = try requireSuccess(try await send(.GET, "torrents/categories"))
        guard let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any] else {
            throw QBittorrentError.http(caller.malformed(reply, "torrents/categories is not a JSON object"))
        }
        return object.keys.sorted()
    }
}

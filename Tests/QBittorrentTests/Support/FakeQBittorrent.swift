import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import QBittorrent
import UpshiftTestSupport

/// A loopback stand-in for a qBittorrent 5.x WebUI (WebAPI 2.14): 401 on wrong credentials, 204 on
/// bodiless success, JSON counts from `torrents/add` (409 when all fail), `stopped` instead of
/// `paused`, `stoppedDL` states. It checks the SID cookie like the real one and records every request.
actor FakeQBittorrent {
    static let password = "fake-Pa55word-0123456789"

    let recorder = RequestRecorder()
    private(set) var sid = "sid-1"
    /// Answer 403 to every session (a proxy or server that keeps refusing).
    var rejectEverySession = false
    /// Answer every login with the ban text.
    var banned = false
    /// Answer `torrents/info` with a 500 whose body echoes the password.
    var failInfo = false
    /// Extra `state` value reported for every torrent, when set.
    var forcedState: String?
    private var torrents: [String: (name: String, state: String)] = [:]
    private var categories: Set<String> = []

    func set(rejectEverySession: Bool? = nil, banned: Bool? = nil, failInfo: Bool? = nil, forcedState: String? = nil) {
        if let rejectEverySession { self.rejectEverySession = rejectEverySession }
        if let banned { self.banned = banned }
        if let failInfo { self.failInfo = failInfo }
        if let forcedState { self.forcedState = forcedState }
    }

    /// Forgets every session, as a restart or the idle timeout would.
    func expireSessions() { sid = "sid-\(UUID().uuidString)" }

    // MARK: - Router

    nonisolated func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/api/v2/auth/login") { request, _ -> Response in try await self.login(request) }
        router.get("/api/v2/app/version") { request, _ -> Response in
            try await self.authorize(request) == nil ? .forbidden : .text("v5.1.2")
        }
        router.get("/api/v2/app/webapiVersion") { request, _ -> Response in
            try await self.authorize(request) == nil ? .forbidden : .text("2.14.1")
        }
        router.post("/api/v2/torrents/createCategory") { request, _ -> Response in
            guard let entry = try await self.authorize(request) else { return .forbidden }
            return await self.createCategory(entry)
        }
        router.get("/api/v2/torrents/categories") { request, _ -> Response in
            try await self.authorize(request) == nil ? .forbidden : await self.categoryList()
        }
        router.post("/api/v2/torrents/add") { request, _ -> Response in
            guard let entry = try await self.authorize(request) else { return .forbidden }
            return await self.add(entry)
        }
        router.get("/api/v2/torrents/info") { request, _ -> Response in
            guard let entry = try await self.authorize(request) else { return .forbidden }
            return await self.info(entry)
        }
        router.get("/slow/api/v2/torrents/info") { _, _ -> Response in
            try await Task.sleep(for: .seconds(3))
            return .text("[]")
        }
        return router
    }

    private func login(_ request: Request) async throws -> Response {
        let entry = try await recorder.record(request)
        if banned {
            return .text(
                "Your IP address has been banned after too many failed authentication attempts.", status: .forbidden)
        }
        let form = FormFields(entry.text)
        guard form["username"] == "admin", form["password"] == Self.password else {
            return .text("Unauthorized", status: .unauthorized)
        }
        var headers = HTTPFields()
        headers[.setCookie] = "SID=\(sid); HttpOnly; path=/; SameSite=Strict"
        return Response(status: .noContent, headers: headers)
    }

    /// Records the request; its entry when the session cookie is valid, nil for a 403.
    private func authorize(_ request: Request) async throws -> RequestRecorder.Entry? {
        let entry = try await recorder.record(request)
        return !rejectEverySession && entry.headers["cookie"] == "SID=\(sid)" ? entry : nil
    }

    private func createCategory(_ entry: RequestRecorder.Entry) -> Response {
        let name = FormFields(entry.text)["category"] ?? ""
        guard !categories.contains(name) else { return .text("Unable to create category", status: .conflict) }
        categories.insert(name)
        return Response(status: .noContent)
    }

    private func categoryList() -> Response {
        let object = Dictionary(uniqueKeysWithValues: categories.map { ($0, ["name": $0, "savePath": ""]) })
        return .json(object)
    }

    private func add(_ entry: RequestRecorder.Entry) -> Response {
        let fields: [String: String]
        var hashes: [(hash: String, name: String)] = []
        if let contentType = entry.headers["content-type"], contentType.hasPrefix("multipart/form-data") {
            let parts = MultipartParts(entry.body, contentType: contentType)
            fields = parts.fields
            for file in parts.files {
                guard let torrent = try? TorrentFile.parse(file) else {
                    return .text("Error: not a torrent", status: .unsupportedMediaType)
                }
                hashes.append((torrent.infoHash, torrent.name))
            }
        } else {
            fields = FormFields(entry.text).values
            for url in (fields["urls"] ?? "").split(separator: "\n") {
                if let magnet = try? MagnetLink(String(url)) { hashes.append((magnet.infoHash, magnet.infoHash)) }
            }
        }
        let fresh = hashes.filter { torrents[$0.hash] == nil }
        for item in fresh {
            torrents[item.hash] = (item.name, fields["stopped"] == "true" ? "stoppedDL" : "downloading")
        }
        let counts: [String: Any] = [
            "success_count": fresh.count, "failure_count": hashes.count - fresh.count, "pending_count": 0,
            "added_torrent_ids": fresh.map(\.hash),
        ]
        return .json(counts, status: fresh.isEmpty ? .conflict : .ok)
    }

    private func info(_ entry: RequestRecorder.Entry) -> Response {
        if failInfo { return .text("internal error for password \(Self.password)", status: .internalServerError) }
        let wanted = FormFields(entry.query)["hashes"].map {
            Set($0.lowercased().split(separator: "|").map(String.init))
        }
        let list = torrents.filter { wanted?.contains($0.key) ?? true }.map { hash, value -> [String: Any] in
            [
                "hash": hash, "name": value.name, "state": forcedState ?? value.state, "progress": 0, "tags": "",
                "seq_dl": false,
            ]
        }
        return .json(list)
    }
}

// MARK: - Helpers

extension Response {
    static var forbidden: Response { .text("Forbidden", status: .forbidden) }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=UTF-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `a=1&b=2` (form body or query), percent-decoded; `+` is a space.
struct FormFields {
    let values: [String: String]

    init(_ text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            values[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        self.values = values
    }

    subscript(_ key: String) -> String? { values[key] }
}

/// A `multipart/form-data` body split into text fields and file contents (an independent reader,
/// to check the client's hand-written body).
struct MultipartParts {
    var fields: [String: String] = [:]
    var files: [Data] = []

    init(_ body: Data, contentType: String) {
        guard let boundary = contentType.components(separatedBy: "boundary=").last else { return }
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        var starts: [Int] = []
        var index = 0
        while index + delimiter.count <= bytes.count {
            if Array(bytes[index..<index + delimiter.count]) == delimiter {
                starts.append(index)
                index += delimiter.count
            } else {
                index += 1
            }
        }
        for (start, end) in zip(starts, starts.dropFirst()) {
            let part = Array(bytes[(start + delimiter.count + 2)..<(end - 2)])  // skip CRLF after, CRLF before
            guard let split = Self.find(Array("\r\n\r\n".utf8), in: part) else { continue }
            let headers = String(decoding: part[..<split], as: UTF8.self)
            let content = Data(part[(split + 4)...])
            guard
                let name = headers.components(separatedBy: "name=\"").dropFirst().first?.components(separatedBy: "\"")
                    .first
            else { continue }
            if headers.contains("filename=") {
                files.append(content)
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }
}

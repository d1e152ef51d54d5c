import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import NIOHTTP1
import UpshiftSettings

extension PlexClient {
    /// `GET <baseURL><path>?<query>` as JSON, decoded as `Value`; every failure becomes a ``PlexError``.
    func get<Value: Decodable>(_ path: String, query: [(String, String)] = []) async throws -> Value {
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = .GET
        request.headers.add(name: "X-Plex-Token", value: token.exposedValue)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "X-Plex-Client-Identifier", value: clientIdentifier)
        request.headers.add(name: "X-Plex-Product", value: product)
        let reply: HTTPReply
        do {
            reply = try await caller.send(request)
        } catch let error as HTTPCallError {
            throw PlexError.transport(error)
        }
        guard reply.isSuccess else {
            let error = statusError(reply)
            logger.warning(
                "Plex request failed",
                metadata: [
                    "plex.operation": "\(reply.operation)", "http.status": "\(reply.status)", "error": "\(error)",
                ]
            )
            throw error
        }
        do {
            return try JSONDecoder().decode(Value.self, from: reply.body)
        } catch let error as DecodingError {
            let failure = PlexError.malformed(operation: reply.operation, detail: caller.redactor(error.summary))
            logger.warning(
                "Plex reply unreadable", metadata: ["plex.operation": "\(reply.operation)", "error": "\(failure)"])
            throw failure
        }
    }

    /// `<baseURL><path>` with a strictly percent-encoded query.
    func url(_ path: String, query: [(String, String)]) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let tail = query.isEmpty ? "" : "?" + FormEncoding.encode(query)
        return "\(base)\(path)\(tail)"
    }

    /// The typed error for a non-2xx reply.
    func statusError(_ reply: HTTPReply) -> PlexError {
        switch reply.status {
        case 401: return .unauthorized(operation: reply.operation)
        case 404: return .notFound(operation: reply.operation)
        default:
            let html = reply.text.hasPrefix("<")
            let snippet = html ? "" : reply.text.prefix(200).trimmingCharacters(in: .whitespacesAndNewlines)
            return .status(reply.status, operation: reply.operation, detail: caller.redactor(snippet))
        }
    }
}

extension PlexClient {
    /// Up to `count` bytes of a library file at `offset`, through its part download key
    /// (`/library/parts/<id>/<version>/file.mkv`) with an HTTP Range request; the token goes in the
    /// `X-Plex-Token` header, never in the URL. For the Dolby Vision probe (issue 8).
    public func readPart(key: String, offset: Int64, count: Int) async throws -> [UInt8] {
        guard key.hasPrefix("/library/parts/"), count > 0 else {
            throw PlexError.malformed(operation: "GET \(key)", detail: "not a part download key")
        }
        var request = HTTPClientRequest(url: url(key, query: []))
        request.method = .GET
        request.headers.add(name: "X-Plex-Token", value: token.exposedValue)
        request.headers.add(name: "X-Plex-Client-Identifier", value: clientIdentifier)
        request.headers.add(name: "X-Plex-Product", value: product)
        request.headers.add(name: "Range", value: "bytes=\(offset)-\(offset + Int64(count) - 1)")
        let reply: HTTPReply
        do {
            reply = try await caller.send(request, maxBodyBytes: count)
        } catch let error as HTTPCallError {
            throw PlexError.transport(error)
        }
        switch reply.status {
        case 206: return [UInt8](reply.body)
        // Past the end of the file: nothing more to read.
        case 416: return []
        // A server that ignores Range sends the whole file: refused above by the body cap, and a
        // 200 within the cap is the start of the file, which is only right for offset 0.
        case 200 where offset == 0: return [UInt8](reply.body.prefix(count))
        default: throw statusError(reply)
        }
    }
}

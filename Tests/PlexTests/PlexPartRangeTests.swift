import AsyncHTTPClient
import Foundation
import Hummingbird
import Plex
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// `readPart`: a library file read by HTTP Range requests for the probe, token in a header only.
@Suite struct PlexPartRangeTests {
    static let file = [UInt8]((0..<10_000).map { UInt8($0 % 251) })

    /// A part download endpoint that honours `Range: bytes=a-b` (206, or 416 past the end).
    static func router(seen: RequestRecorder) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("library/parts/:id/:version/:name") { request, _ in
            try await seen.record(request)
            guard request.headers[.init("X-Plex-Token")!] == PlexFixtures.token else {
                return Response(status: .unauthorized)
            }
            let range = request.headers[.range] ?? ""
            let bounds = range.dropFirst("bytes=".count).split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2 else { return Response(status: .badRequest) }
            guard bounds[0] < file.count else { return Response(status: .rangeNotSatisfiable) }
            let slice = file[bounds[0]...min(bounds[1], file.count - 1)]
            return Response(status: .partialContent, body: .init(byteBuffer: ByteBuffer(bytes: slice)))
        }
        return router
    }

    @Test func rangesAreReadWithTheTokenInAHeader() async throws {
        let seen = RequestRecorder()
        let capture = LogCapture()
        try await LoopbackServer.with(Self.router(seen: seen)) { base async throws in
            let client = PlexClient(
                baseURL: URL(string: base)!, token: Secret(PlexFixtures.token), httpClient: .shared,
                logger: capture.logger)
            let key = "/library/parts/9001/1716200000/file.mkv"
            #expect(try await client.readPart(key: key, offset: 0, count: 16) == Array(Self.file[0..<16]))
            #expect(try await client.readPart(key: key, offset: 9_990, count: 100) == Array(Self.file[9_990...]))
            #expect(try await client.readPart(key: key, offset: 20_000, count: 10) == [])
            await #expect(throws: PlexError.self) { try await client.readPart(key: "/etc/passwd", offset: 0, count: 1) }
        }
        let entries = await seen.entries
        #expect(entries.count == 3)
        #expect(entries.allSatisfy { !$0.query.contains(PlexFixtures.token) && $0.headers["range"] != nil })
        #expect(!capture.text.contains(PlexFixtures.token))
    }
}

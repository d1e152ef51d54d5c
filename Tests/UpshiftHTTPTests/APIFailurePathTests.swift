import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import UpshiftCore
import UpshiftServices
import UpshiftStore
import UpshiftTestSupport

@testable import UpshiftHTTP

/// What the API says while something is wrong: a degraded library scan on `/api/health`, a Skip
/// refused while qBittorrent takes the torrent.
@Suite struct APIFailurePathTests {
    @Test func healthNamesTheCurrentProblems() async throws {
        let world = try APITests.World()
        try await world.app().test(.router) { client in
            let fine = try #require(try APITests.json(try await client.execute(uri: "/api/health", method: .get).body) as? [String: Any])
            #expect(fine["status"] as? String == "ok")
            #expect((fine["problems"] as? [String: Any])?.isEmpty == true)

            await world.daemon.health.report("library", "The Plex scan found 0 movies where the library holds 3.")
            let body = try #require(try APITests.json(try await client.execute(uri: "/api/health", method: .get).body) as? [String: Any])
            #expect(body["status"] as? String == "degraded")
            #expect((body["problems"] as? [String: String])?["library"]?.contains("found 0 movies") == true)
        }
    }

    @Test func everyPageShowsTheCurrentProblems() async throws {
        let world = try APITests.World()
        let sentence = "qBittorrent refused the login for user 'admin' <wrong password>; fix qbittorrent_password."
        await world.daemon.health.report("qbittorrent", sentence)
        try await world.app().test(.router) { client in
            for uri in ["/", "/feed", "/history", "/library", "/settings"] {
                let html = String(buffer: try await client.execute(uri: uri, method: .get).body)
                #expect(html.contains("<p class=\"alert\">qBittorrent refused the login for user &#39;admin&#39; &lt;wrong password&gt;"))
            }
            await world.daemon.health.report("qbittorrent", nil)
            #expect(!String(buffer: try await client.execute(uri: "/", method: .get).body).contains("class=\"alert\""))
        }
    }

    @Test func aSkipWhileTheTorrentIsBeingAddedIsAConflict() async throws {
        let world = try APITests.World()
        try await world.seed()
        try await world.app().test(.router) { client in
            let poll = try #require(try APITests.json(try await client.execute(uri: "/api/feeds/poll", method: .post).body) as? [String: Any])
            let id = try #require((poll["requests"] as? [String])?.first)
            await world.torrents.setAddDelay(.seconds(1))
            let body = ByteBuffer(string: #"{"request_id": "\#(id)"}"#)
            async let approval = client.execute(uri: "/api/downloads/approve", method: .post, body: body)
            let deadline = ContinuousClock.now + .seconds(3)
            while await world.torrents.addsStarted == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            let skip = try await client.execute(uri: "/api/downloads/skip", method: .post, body: body)
            #expect(skip.status == .conflict)
            #expect(String(buffer: skip.body).contains("being added to qBittorrent"))
            #expect(try await approval.status == .ok)
            #expect(try await world.store.request(id: id)?.state == .downloading)
        }
    }
}

import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Hummingbird
import Logging
import QBittorrent
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// qBittorrent 5.x behaviour (WebAPI 2.14: 401, 204, JSON add counts, `stopped`) and the exact
/// requests the client sends, against a loopback fake; plus unreachable and slow servers.
@Suite struct FakeServerTests {
    static func client(
        _ base: String, password: String = FakeQBittorrent.password, logger: Logger = Fixture.quiet,
        timeout: Duration = .seconds(5)
    ) -> QBittorrentClient {
        QBittorrentClient(
            baseURL: URL(string: base)!, username: "admin", password: Secret(password), httpClient: .shared,
            logger: logger, timeout: timeout
        )
    }

    @Test func speaksWebAPI214() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base)
            let made = Fixture.torrent("Five")
            let torrent = try TorrentFile.parse(made.data)
            let options = TorrentAddOptions(
                savePath: "/data/Movies/Film (2020)", category: "movies-fel", tags: ["upshift", " dv-fel "],
                sequentialDownload: true, paused: true
            )
            #expect(try await client.add(.file(torrent), options: options) == .added)
            #expect(try await client.add(.file(torrent), options: options) == .alreadyPresent)  // 409 + listed
            let magnet = try MagnetLink(Fixture.torrent("Magnet5").magnetURI)
            #expect(try await client.add(.magnet(magnet), options: .init(category: "movies-fel")) == .added)

            let info = try #require(try await client.torrent(hash: made.infoHash))
            #expect(info.state == .stoppedDL && info.state.isPaused)
            #expect(try await client.version().usesStoppedNaming)

            let requests = await fake.recorder.entries
            let logins = requests.filter { $0.path.hasSuffix("auth/login") }
            #expect(logins.count == 1)
            #expect(logins[0].headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(FormFields(logins[0].text)["username"] == "admin")
            for request in requests {
                #expect(request.headers["origin"] == nil && request.headers["referer"] == nil)
                if !request.path.hasSuffix("auth/login") { #expect(request.headers["cookie"] == "SID=sid-1") }
            }
            let adds = requests.filter { $0.path.hasSuffix("torrents/add") }
            let file = MultipartParts(adds[0].body, contentType: adds[0].headers["content-type"] ?? "")
            #expect(file.files == [made.data])
            #expect(file.fields["savepath"] == "/data/Movies/Film (2020)" && file.fields["autoTMM"] == "false")
            #expect(file.fields["category"] == "movies-fel" && file.fields["tags"] == "upshift,dv-fel")
            #expect(file.fields["sequentialDownload"] == "true" && file.fields["stopped"] == "true")
            #expect(file.fields["paused"] == nil)
            let form = FormFields(adds[2].text)
            #expect(form["urls"] == magnet.uri && form["stopped"] == "false" && form["savepath"] == nil)
            // The category was created once (204); the second add knew it already.
            #expect(requests.filter { $0.path.hasSuffix("createCategory") }.count == 1)
        }
    }

    @Test func anExistingCategoryIsFineAndUnknownStatesArePreserved() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            try await Self.client(base).ensureCategory("movies")
            try await Self.client(base).ensureCategory("movies")  // 409, confirmed by the category list
            let made = Fixture.torrent("State")
            _ = try await Self.client(base).add(.file(try TorrentFile.parse(made.data)))
            await fake.set(forcedState: "someFutureState")
            let info = try await Self.client(base).torrent(hash: made.infoHash)
            #expect(info?.state == .other("someFutureState") && info?.isComplete == false)
        }
    }

    @Test func wrongCredentialsAre401AndNeverRetriedByThisClient() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, password: "nope")
            #expect(await client.loginRefusal == nil)
            await #expect {
                try await client.torrents()
            } throws: { error in
                guard case QBittorrentError.loginFailed(username: "admin") = error else { return false }
                return (error as? QBittorrentError)?.isTransient == false
            }
            for _ in 0..<3 {
                await #expect {
                    try await client.login()
                } throws: { error in
                    guard case QBittorrentError.loginRefused(let refusal) = error else { return false }
                    return refusal.reason == .wrongCredentials && refusal.username == "admin"
                        && "\(error)".contains("no longer logs in") && !"\(error)".contains("nope")
                }
            }
            #expect(await client.loginRefusal?.reason == .wrongCredentials)
            #expect(await fake.recorder.entries.count == 1)  // only the first login reached the server
            // New settings build a new client, which asks once.
            _ = try? await Self.client(base, password: "nope").torrents()
            #expect(await fake.recorder.entries(pathSuffix: "auth/login").count == 2)
        }
    }

    @Test func concurrentCallsWithAWrongPasswordShareOneLogin() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, password: "nope")
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { _ = try? await client.torrents() } }
            }
            #expect(await fake.recorder.entries(pathSuffix: "auth/login").count == 1)
        }
    }

    @Test func aRefusedSessionLogsInAgainOnceThenFails() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base)
            _ = try await client.torrents()
            await fake.expireSessions()  // the server forgot the SID: one 403, one login, success
            _ = try await client.torrents()
            #expect(await fake.recorder.entries(pathSuffix: "auth/login").count == 2)

            await fake.set(rejectEverySession: true)
            await #expect {
                try await client.torrents()
            } throws: { error in
                guard case QBittorrentError.forbidden(_, loginConfigured: true) = error else { return false }
                return "\(error)".contains("even after a fresh login")
            }
            #expect(await fake.recorder.entries(pathSuffix: "auth/login").count == 3)
            #expect(await fake.recorder.entries(pathSuffix: "torrents/info").count == 5)
        }
    }

    @Test func aBanIsTypedAndNotAskedAgain() async throws {
        let fake = FakeQBittorrent()
        await fake.set(banned: true)
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base)
            await #expect {
                try await client.add(.magnet(try MagnetLink(Fixture.torrent("Ban").magnetURI)))
            } throws: { error in
                guard case QBittorrentError.banned = error else { return false }
                return true
            }
            await #expect {
                try await client.torrent(hash: String(repeating: "0", count: 40))
            } throws: { error in
                guard case QBittorrentError.loginRefused(let refusal) = error else { return false }
                return refusal.reason == .banned && "\(error)".contains("banned this IP")
            }
            #expect(await fake.recorder.entries(pathSuffix: "auth/login").count == 1)
        }
    }

    @Test func serverErrorsAreTypedAndRedacted() async throws {
        let fake = FakeQBittorrent()
        await fake.set(failInfo: true)
        let capture = LogCapture()
        _ = try await LoopbackServer.with(fake.router()) { base in
            await #expect {
                try await Self.client(base, logger: capture.logger).torrents()
            } throws: { error in
                guard case QBittorrentError.http(let call) = error else { return false }
                let text = "\(error)"
                return call.status == 500 && (error as? QBittorrentError)?.isTransient == true
                    && text.contains("internal error for password") && !text.contains(FakeQBittorrent.password)
            }
        }
        #expect(!capture.text.contains(FakeQBittorrent.password))
    }

    @Test(arguments: [true, false])
    func aDownServerIsUnreachable(withLogin: Bool) async throws {
        let down = try await LoopbackServer.unusedBaseURL()
        let client = QBittorrentClient(
            baseURL: URL(string: down)!, username: withLogin ? "admin" : "", password: Secret("pw"),
            httpClient: .shared, logger: Fixture.quiet, timeout: .seconds(3)
        )
        await #expect {
            try await client.torrent(hash: String(repeating: "0", count: 40))
        } throws: { error in
            guard case QBittorrentError.unreachable(let call) = error else { return false }
            return call.kind == .unreachable && (error as? QBittorrentError)?.isTransient == true
                && "\(error)".contains("could not be reached")
        }
    }

    @Test func aSlowServerTimesOutAsUnreachable() async throws {
        let fake = FakeQBittorrent()
        _ = try await LoopbackServer.with(fake.router()) { base in
            let client = QBittorrentClient(
                baseURL: URL(string: "\(base)/slow/")!, username: "", password: Secret(), httpClient: .shared,
                logger: Fixture.quiet, timeout: .milliseconds(300)
            )
            await #expect {
                try await client.torrents()
            } throws: { error in
                guard case QBittorrentError.unreachable(let call) = error else { return false }
                return call.kind == .timeout
            }
        }
    }
}

import AsyncHTTPClient
import Foundation
import Logging
import Testing
import UpshiftCLI
import UpshiftServices
import UpshiftSettings
import UpshiftTestSupport

/// `telegram_chat_id` may name the chat by number or as `@channel`: a button press from that chat must
/// reach the listener under the configured text (which it compares exactly), whichever form was used.
@Suite struct TelegramChatIDTests {
    static let channelID: Int64 = -1_001_234_567_890

    /// The live Telegram adapter of a daemon configured with `chatID`, against the fake Bot API.
    static func withChat(
        _ chatID: String, world: FakeWorld, _ body: @Sendable (any ChatCallbackSource) async throws -> Void
    ) async throws {
        try await LoopbackServer.with(world.router()) { base in
            var settings = Settings()
            settings.telegramBotToken = Secret(FakeWorld.botToken)
            settings.telegramChatID = chatID
            settings.telegramAPIURL = URL(string: base)!
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let live = DaemonDependencies.live(settings: settings, httpClient: .shared, logger: logger)
            let chat = try #require(live.chat)
            try await body(chat)
        }
    }

    @Test(arguments: ["@upshift_owner", "@Upshift_Owner", "-1001234567890"])
    func aPressInTheConfiguredChannelReportsTheConfiguredID(configured: String) async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        await world.telegram.press(
            data: "dl:r1", userID: 7, chatID: Self.channelID, chatUsername: "upshift_owner", messageID: 501)
        try await Self.withChat(configured, world: world) { chat in
            let batch = try await chat.callbacks(after: nil, timeout: 0)
            let press = try #require(batch.callbacks.first)
            #expect(press.chatID == configured)
            #expect(press.requestID == "r1" && press.action == .approve && press.messageID == 501)
        }
    }

    @Test func aPressInAnotherChatReportsItsNumericID() async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        await world.telegram.press(
            data: "dl:r1", userID: 7, chatID: -1_009, chatUsername: "someone_else", messageID: 501)
        await world.telegram.press(data: "skip:r1", userID: 666, chatID: 666, messageID: 502)
        try await Self.withChat("@upshift_owner", world: world) { chat in
            let batch = try await chat.callbacks(after: nil, timeout: 0)
            #expect(batch.callbacks.map(\.chatID) == ["-1009", "666"])
        }
    }

    @Test func aPrivateChatStillMatchesByNumber() async throws {
        let world = FakeWorld(releases: [], radarrRoot: "/movies")
        await world.telegram.press(
            data: "dl:r1", userID: FakeWorld.ownerChat, chatID: FakeWorld.ownerChat, messageID: 501)
        try await Self.withChat(String(FakeWorld.ownerChat), world: world) { chat in
            let batch = try await chat.callbacks(after: nil, timeout: 0)
            #expect(batch.callbacks.map(\.chatID) == ["42"])
        }
    }
}

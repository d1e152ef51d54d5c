import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import Telegram
import Testing
import UpshiftSettings
import UpshiftTestSupport

/// The client against a fake Bot API on loopback: request bodies, update decoding, every documented
/// failure, the 429 retry, and no token in any log line or error.
@Suite struct TelegramClientTests {
    /// The reference's callback update, a callback on an inaccessible message, an unknown update type,
    /// an unreadable callback and a plain message.
    static let updates = """
        [{"update_id":804112233,"callback_query":{"id":"4382910473829104731",
          "from":{"id":123456789,"is_bot":false,"first_name":"Ana","username":"ana_dev","language_code":"en"},
          "message":{"message_id":5521,
            "from":{"id":7000000001,"is_bot":true,"first_name":"MediaBot","username":"media_bot"},
            "chat":{"id":123456789,"type":"private","first_name":"Ana","username":"ana_dev"},
            "date":1795555000,"text":"Dune: Part Two (2024) 2160p DV — download?",
            "reply_markup":{"inline_keyboard":[[{"text":"Download","callback_data":"dl:7f3a"},
              {"text":"Skip","callback_data":"skip:7f3a"}]]}},
          "chat_instance":"-5839201938475610293","data":"dl:7f3a"}},
         {"update_id":804112234,"callback_query":{"id":"99","from":{"id":123456789,"is_bot":false,"first_name":"Ana"},
          "message":{"message_id":17,"chat":{"id":-1009876543210,"type":"supergroup","title":"Media"},"date":0},
          "chat_instance":"1","data":"skip:old-1"}},
         {"update_id":804112235,"message_reaction":{"chat":{"id":1,"type":"private"},"message_id":3,"date":1}},
         {"update_id":804112236,"callback_query":{"id":"100","data":"dl:x"}},
         {"update_id":804112237,"message":{"message_id":18,"chat":{"id":123456789,"type":"private"},"date":1795555100,
          "from":{"id":123456789,"is_bot":false,"first_name":"Ana"},"text":"/status"}}]
        """

    static func client(
        _ base: String, _ capture: LogCapture, token: String = FakeBotAPI.token,
        sleeper: SleepRecorder = SleepRecorder(),
        requestTimeout: Duration = .seconds(5)
    ) -> TelegramClient {
        TelegramClient(
            baseURL: URL(string: base + "/")!, token: Secret(token), httpClient: .shared, logger: capture.logger,
            requestTimeout: requestTimeout, maxRetryWait: .seconds(10), sleep: { await sleeper.sleep($0) }
        )
    }

    /// Runs `body` and returns the ``TelegramError`` it throws (failing the test otherwise).
    static func telegramError(_ body: () async throws -> Void) async -> TelegramError? {
        do {
            try await body()
            Issue.record("expected a TelegramError")
        } catch let error as TelegramError {
            return error
        } catch {
            Issue.record("expected a TelegramError, got \(error)")
        }
        return nil
    }

    static func expectNoToken(_ capture: LogCapture, _ errors: [TelegramError?]) {
        let secretPart = String(FakeBotAPI.token.split(separator: ":")[1])
        let texts = [capture.text] + errors.compactMap { $0.map { "\($0) \(String(reflecting: $0))" } }
        for text in texts {
            #expect(!text.contains(FakeBotAPI.token) && !text.contains(secretPart), "token leaked in: \(text)")
        }
    }

    @Test func sendMessageBodies() async throws {
        let capture = LogCapture()
        let fake = FakeBotAPI { method, call in .ok(FakeBotAPI.message(id: 5521 + call)) }
        try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture)
            let buttons = [[InlineButton(text: "Download", callback: .approve(requestID: "req-1"))]]
            let ids = [
                try await client.sendMessage(chatID: "123456789", text: "<b>Dune</b>", buttons: buttons),
                try await client.sendMessage(chatID: "@upshift_channel", text: "plain", buttons: []),
                try await client.sendMessage(chatID: "-1001234567890", text: "group"),
            ]
            #expect(ids == [5521, 5522, 5523])
        }
        let bodies = await fake.bodies("sendMessage")
        try #require(bodies.count == 3)
        #expect((bodies[0]["chat_id"] as? NSNumber)?.int64Value == 123_456_789)
        #expect(!(bodies[0]["chat_id"] is String))
        #expect(bodies[0]["text"] as? String == "<b>Dune</b>")
        #expect(bodies[0]["parse_mode"] as? String == "HTML")
        #expect((bodies[0]["link_preview_options"] as? [String: Any])?["is_disabled"] as? Bool == true)
        let keyboard = (bodies[0]["reply_markup"] as? [String: Any])?["inline_keyboard"] as? [[[String: Any]]]
        #expect(keyboard?.first?.first?["text"] as? String == "Download")
        #expect(keyboard?.first?.first?["callback_data"] as? String == "dl:req-1")
        #expect(bodies[1]["chat_id"] as? String == "@upshift_channel")
        #expect(bodies[1]["reply_markup"] == nil)
        #expect((bodies[2]["chat_id"] as? NSNumber)?.int64Value == -1_001_234_567_890)
        var dumped = ""
        dump(Self.client("http://127.0.0.1:1", capture), to: &dumped)
        #expect(!dumped.contains(FakeBotAPI.token) && !"\(Self.client("http://x", capture))".contains(FakeBotAPI.token))
        let headers = await fake.recorder.entries.first?.headers
        #expect(headers?["content-type"] == "application/json")
        #expect(await fake.recorder.entries.allSatisfy { $0.method == "POST" })
        Self.expectNoToken(capture, [])
    }

    @Test func editAnswerAndNotModified() async throws {
        let capture = LogCapture()
        let fake = FakeBotAPI { method, call in
            switch (method, call) {
            case ("editMessageText", 1):
                .error(
                    400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
                )
            case ("editMessageText", _): .ok(FakeBotAPI.message(id: 5521))
            default: .ok("true")
            }
        }
        try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture)
            try await client.editMessageText(chatID: "123456789", messageID: 5521, text: "Approved", buttons: [])
            try await client.editMessageText(chatID: "123456789", messageID: 5521, text: "Approved", buttons: [])
            let keep = [[InlineButton(text: "Skip", callback: .skip(requestID: "r"))]]
            try await client.editMessageText(chatID: "@chan", messageID: 9, text: "Again", buttons: keep)
            try await client.answerCallbackQuery(id: "4382910473829104731", text: String(repeating: "y", count: 300))
            try await client.answerCallbackQuery(id: "1")
        }
        let edits = await fake.bodies("editMessageText")
        try #require(edits.count == 3)
        #expect(edits[0]["message_id"] as? Int == 5521)
        #expect(edits[0]["reply_markup"] == nil)
        #expect(edits[0]["parse_mode"] as? String == "HTML")
        #expect(edits[2]["reply_markup"] != nil)
        let answers = await fake.bodies("answerCallbackQuery")
        #expect(answers[0]["callback_query_id"] as? String == "4382910473829104731")
        #expect((answers[0]["text"] as? String)?.count == 200)
        #expect(answers[1]["text"] == nil)
        Self.expectNoToken(capture, [])
    }

    @Test func getUpdatesDecodesTolerantly() async throws {
        let capture = LogCapture()
        let fake = FakeBotAPI { method, _ in
            method == "getMe"
                ? .ok(#"{"id":7000000001,"is_bot":true,"first_name":"MediaBot","username":"media_bot"}"#)
                : .ok(Self.updates)
        }
        let updates = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture)
            #expect(
                try await client.getMe()
                    == TelegramUser(id: 7_000_000_001, isBot: true, firstName: "MediaBot", username: "media_bot"))
            return try await client.getUpdates(offset: 804_112_233, timeout: 1, limit: 10)
        }
        #expect(updates.map(\.updateID) == [804_112_233, 804_112_234, 804_112_235, 804_112_236, 804_112_237])
        #expect(TelegramUpdate.nextOffset(after: updates) == 804_112_238)

        let query = try #require(updates[0].callbackQuery)
        #expect(query.id == "4382910473829104731")
        #expect(query.from.id == 123_456_789)
        #expect(query.message?.messageID == 5521 && query.message?.chat.id == 123_456_789)
        #expect(query.message?.isAccessible == true)
        #expect(query.action == .approve(requestID: "7f3a"))
        #expect(query.message?.chat.matches("123456789") == true)
        #expect(query.message?.chat.matches("@ana_dev") == true)

        let old = try #require(updates[1].callbackQuery)
        #expect(old.message?.isAccessible == false)
        #expect(old.message?.chat.id == -1_009_876_543_210)
        #expect(old.action == .skip(requestID: "old-1"))

        #expect(updates[2].kind == .unsupported("message_reaction"))
        #expect(updates[3].kind == .unsupported("callback_query"))
        guard case .message(let message) = updates[4].kind else {
            Issue.record("expected a message")
            return
        }
        #expect(message.text == "/status")

        let body = try #require(await fake.bodies("getUpdates").first)
        #expect((body["offset"] as? NSNumber)?.int64Value == 804_112_233)
        #expect(body["timeout"] as? Int == 1)
        #expect(body["limit"] as? Int == 10)
        #expect(body["allowed_updates"] as? [String] == ["message", "callback_query"])
        Self.expectNoToken(capture, [])
    }

    @Test func documentedFailuresAreTyped() async throws {
        let capture = LogCapture()
        let fake = FakeBotAPI { method, _ in
            switch method {
            case "sendMessage": .error(400, "Bad Request: chat not found")
            case "getUpdates":
                .error(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
            case "answerCallbackQuery":
                .error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
            case "editMessageText": .error(400, "Bad Request: message to edit not found")
            default:
                FakeBotAPI.Reply(
                    status: .badGateway, body: "<html><body>502 Bad Gateway</body></html>", contentType: "text/html")
            }
        }
        let errors = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture)
            let chat = await Self.telegramError { _ = try await client.sendMessage(chatID: "42", text: "x") }
            #expect(chat?.errorCode == 400 && chat?.reason == .chatNotFound)
            #expect(chat?.apiDescription == "Bad Request: chat not found")
            #expect(chat?.description == "Telegram sendMessage failed with error 400: Bad Request: chat not found.")

            let conflict = await Self.telegramError { _ = try await client.getUpdates(offset: nil, timeout: 0) }
            #expect(conflict?.errorCode == 409 && conflict?.reason == .conflict)

            let late = await Self.telegramError { try await client.answerCallbackQuery(id: "1") }
            #expect(late?.reason == .queryTooOld)

            let gone = await Self.telegramError {
                try await client.editMessageText(chatID: "1", messageID: 2, text: "x")
            }
            #expect(gone?.reason == .messageNotEditable)

            let html = await Self.telegramError { _ = try await client.getMe() }
            #expect(html?.kind == .malformedReply(status: 502))
            #expect(html?.reason == .transport)

            let badToken = await Self.telegramError {
                _ = try await Self.client(base, capture, token: "987654321:AAWrongTokenWrongTokenWrongToken99").getMe()
            }
            #expect(badToken?.errorCode == 401 && badToken?.reason == .unauthorized)
            #expect(badToken?.description.contains("AAWrongToken") == false)
            return [chat, conflict, late, gone, html, badToken]
        }
        Self.expectNoToken(capture, errors)
        #expect(!capture.text.contains("AAWrongToken"))
        #expect(capture.text.contains("Telegram API error"))
    }

    @Test func rateLimitIsHonouredThenCapped() async throws {
        let capture = LogCapture()
        let sleeper = SleepRecorder()
        let fake = FakeBotAPI { method, call in
            switch (method, call) {
            case ("sendMessage", 0): .error(429, "Too Many Requests: retry after 3", parameters: #"{"retry_after":3}"#)
            case ("sendMessage", _): .ok(FakeBotAPI.message(id: 77))
            default: .error(429, "Too Many Requests: retry after 30", parameters: #"{"retry_after":30}"#)
            }
        }
        let capped = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture, sleeper: sleeper)
            let id = try await client.sendMessage(chatID: "1", text: "hello")
            #expect(id == 77)
            return await Self.telegramError { try await client.answerCallbackQuery(id: "5") }
        }
        #expect(await sleeper.waits == [.seconds(3)])
        #expect(await fake.bodies("sendMessage").count == 2)
        #expect(await fake.bodies("answerCallbackQuery").count == 1)
        #expect(capped?.kind == .rateLimited(retryAfter: 30))
        #expect(capped?.errorCode == 429)
        Self.expectNoToken(capture, [capped])
    }

    @Test func invalidButtonsTimeoutsAndRefusalAreTyped() async throws {
        let capture = LogCapture()
        let fake = FakeBotAPI { _, _ in .ok("true") }
        var errors = try await LoopbackServer.with(fake.router()) { base in
            let client = Self.client(base, capture)
            let long = [[InlineButton(text: "Go", callbackData: String(repeating: "é", count: 33))]]
            let invalid = await Self.telegramError {
                _ = try await client.sendMessage(chatID: "1", text: "x", buttons: long)
            }
            #expect(invalid?.kind == .invalidRequest)
            return [invalid]
        }
        #expect(await fake.recorder.entries.isEmpty)

        let slowRouter = Router()
        slowRouter.post("/:bot/:method") { _, context -> String in
            try await Task.sleep(for: .seconds(1))
            return context.parameters.get("method") == "getUpdates"
                ? #"{"ok":true,"result":[]}"# : #"{"ok":true,"result":true}"#
        }
        let slow = try await LoopbackServer.with(slowRouter) { base in
            let client = Self.client(base, capture, requestTimeout: .milliseconds(300))
            // A long poll gets its own deadline (timeout + 10 s), beyond the ordinary one.
            let updates = try await client.getUpdates(offset: nil, timeout: 1)
            #expect(updates.isEmpty)
            return await Self.telegramError { try await client.answerCallbackQuery(id: "1") }
        }
        #expect(slow?.kind == .timeout && slow?.reason == .transport)
        errors.append(slow)
        let down = try await LoopbackServer.unusedBaseURL()
        let refused = await Self.telegramError { _ = try await Self.client(down, capture).getMe() }
        #expect(refused?.kind == .unreachable)
        errors.append(refused)
        Self.expectNoToken(capture, errors)
    }
}

import AsyncHTTPClient
import Foundation
import HTTPClientSupport
import Logging
import UpshiftSettings

/// The Bot API methods Upshift uses (SPEC §6): send the approval request, edit it with the outcome,
/// answer button presses, long-poll for updates, check the token.
///
/// Calls go to `{baseURL}/bot{token}/{method}` as `POST application/json`. The token is masked in
/// every log line and error. An HTTP 429 is retried after `parameters.retry_after` seconds, as long
/// as the total wait stays within ``maxRetryWait``.
public struct TelegramClient: Sendable {
    /// How the client waits before retrying after a 429 (tests inject one that does not sleep).
    public typealias Sleep = @Sendable (Duration) async throws -> Void

    /// The Bot API base, `https://api.telegram.org` by default (`telegram_api_url`).
    public let baseURL: URL
    /// Deadline of one ordinary call (a long poll gets its own, longer one).
    public let requestTimeout: Duration
    /// The longest total wait spent honouring 429 replies for one call.
    public let maxRetryWait: Duration

    let token: Secret
    let caller: HTTPCaller
    let logger: Logger
    let sleep: Sleep

    /// Creates a client.
    /// - Parameters:
    ///   - httpClient: one that does not follow redirects (``HTTPClient/noRedirects``): the token is in the path.
    ///   - requestTimeout: deadline of one call other than `getUpdates` [15 s].
    ///   - maxRetryWait: cap on the total 429 wait of one call [60 s]; beyond it, `rateLimited` is thrown.
    ///   - sleep: how to wait before a retry [`Task.sleep`].
    public init(
        baseURL: URL, token: Secret, httpClient: HTTPClient, logger: Logger, requestTimeout: Duration = .seconds(15),
        maxRetryWait: Duration = .seconds(60), sleep: @escaping Sleep = { try await Task.sleep(for: $0) }
    ) {
        self.baseURL = baseURL
        self.token = token
        self.logger = logger
        self.requestTimeout = requestTimeout
        self.maxRetryWait = maxRetryWait
        self.sleep = sleep
        self.caller = HTTPCaller(
            client: httpClient, service: "Telegram", redactor: Redactor(secrets: [token.exposedValue]),
            timeout: requestTimeout, maxBodyBytes: 8 << 20, logger: logger
        )
    }

    /// Sends an HTML message without link preview, with `buttons` as an inline keyboard (rows of
    /// buttons; `[]` for none). `chatID` is a number (sent as a JSON number) or `@channel`.
    /// - Returns: the new message's id, for later edits.
    public func sendMessage(chatID: String, text: String, buttons: [[InlineButton]] = []) async throws -> Int {
        try validate(buttons, method: "sendMessage")
        let body = MessageTextBody(
            chatID: ChatID(value: chatID), messageID: nil, text: text,
            replyMarkup: buttons.isEmpty ? nil : InlineKeyboardMarkup(inlineKeyboard: buttons)
        )
        return try await call("sendMessage", body, as: TelegramMessage.self).messageID
    }

    /// Replaces a message's text (HTML) and keyboard; `buttons: []` removes the keyboard.
    /// "message is not modified" (same text and keyboard again) counts as success.
    public func editMessageText(chatID: String, messageID: Int, text: String, buttons: [[InlineButton]] = [])
        async throws
    {
        try validate(buttons, method: "editMessageText")
        let body = MessageTextBody(
            chatID: ChatID(value: chatID), messageID: messageID, text: text,
            replyMarkup: buttons.isEmpty ? nil : InlineKeyboardMarkup(inlineKeyboard: buttons)
        )
        do {
            _ = try await call("editMessageText", body, as: IgnoredResult.self)
        } catch let error as TelegramError
            where error.errorCode == 400 && error.apiDescription?.contains("message is not modified") == true
        {
            logger.debug("Telegram message already up to date", metadata: ["telegram.message_id": "\(messageID)"])
        }
    }

    /// Stops the button's spinner, with an optional toast (`text`, cut to 200 characters).
    public func answerCallbackQuery(id: String, text: String? = nil) async throws {
        let body = AnswerCallbackQueryBody(callbackQueryID: id, text: text.map { String($0.prefix(200)) })
        _ = try await call("answerCallbackQuery", body, as: IgnoredResult.self)
    }

    /// Long-polls for new messages and button presses (`allowed_updates` is always
    /// `["message","callback_query"]`). The HTTP deadline is `timeout` + 10 s.
    /// - Parameters:
    ///   - offset: the last seen `update_id` + 1 (see ``TelegramUpdate/nextOffset(after:)``); `nil` at start.
    ///   - timeout: seconds the server may hold the request (0–50).
    ///   - limit: most updates returned (1–100).
    /// - Returns: every update, unknown types as ``TelegramUpdate/Kind/unsupported(_:)``.
    public func getUpdates(offset: Int64?, timeout: Int, limit: Int = 100) async throws -> [TelegramUpdate] {
        let timeout = min(max(timeout, 0), 50)
        let body = GetUpdatesBody(offset: offset, timeout: timeout, limit: min(max(limit, 1), 100))
        let updates = try await call("getUpdates", body, as: [LossyUpdate].self, timeout: .seconds(timeout + 10))
        return updates.compactMap(\.update)
    }

    /// The bot itself: a cheap check that the token works.
    public func getMe() async throws -> TelegramUser {
        try await call("getMe", EmptyBody(), as: TelegramUser.self)
    }

    private func validate(_ buttons: [[InlineButton]], method: String) throws {
        if let problem = buttons.joined().lazy.compactMap(\.problem).first {
            throw TelegramError(method: method, kind: .invalidRequest, detail: problem)
        }
    }
}

// MARK: - Printing

extension TelegramClient: CustomStringConvertible, CustomReflectable {
    /// `TelegramClient(https://api.telegram.org)`: the token is never printed.
    public var description: String { "TelegramClient(\(baseURL.absoluteString))" }

    /// Only the base URL, so `dump` cannot reach the token held by the caller's redactor.
    public var customMirror: Mirror { Mirror(self, children: ["baseURL": baseURL], displayStyle: .struct) }
}

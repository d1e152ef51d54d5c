import Foundation
import Telegram
import UpshiftCore
import UpshiftServices

/// The `ApprovalNotifier` and `ChatCallbackSource` ports on the Telegram Bot API.
struct TelegramChatAdapter: ApprovalNotifier, ChatCallbackSource {
    let client: TelegramClient
    let chatID: String
    let messages = TelegramMessages()

    func sendRequest(_ request: ApprovalRequest) async throws -> MessageRef {
        let id = try await client.sendMessage(
            chatID: chatID, text: messages.approvalRequest(Self.content(request)),
            buttons: TelegramMessages.approvalButtons(requestID: request.id))
        return MessageRef(chatID: chatID, messageID: id)
    }

    func updateRequest(_ request: ApprovalRequest, message: MessageRef) async throws {
        let content = Self.content(request)
        let text: String
        switch request.state {
        case .pending:
            return
        case .approved:
            text = messages.approvalOutcome(content, .approved)
        case .downloading:
            text = messages.approvalOutcome(content, .approved)
        case .completed:
            text = messages.downloadCompleted(Self.notice(request))
        case .error:
            text = messages.downloadFailed(Self.notice(request), error: request.lastError ?? "unknown error")
        case .skipped:
            text = messages.approvalOutcome(content, .skipped)
        case .expired:
            text = messages.approvalOutcome(content, .expired)
        }
        try await Self.permanentWhenRefused {
            try await client.editMessageText(
                chatID: message.chatID, messageID: message.messageID, text: text, buttons: [])
        }
    }

    /// Runs a send or edit; a refusal that no retry can change (the message to edit is gone, the
    /// chat does not exist, the request itself was refused) becomes ``PermanentChatError``.
    static func permanentWhenRefused(_ call: () async throws -> Void) async throws {
        do {
            try await call()
        } catch let error as TelegramError where error.reason == .messageNotEditable || error.reason == .chatNotFound
            || (error.errorCode == 400 && error.reason != .rateLimited)
        {
            throw PermanentChatError(error.description)
        }
    }

    func sendNotice(_ notice: DownloadNotice) async throws {
        let content = Self.notice(notice.request)
        let text: String
        switch notice.kind {
        case .started: text = messages.downloadStarted(content)
        case .completed: text = messages.downloadCompleted(content)
        case .error: text = messages.downloadFailed(content, error: notice.detail ?? "unknown error")
        case .expired: text = messages.requestExpired(content)
        }
        try await Self.permanentWhenRefused { _ = try await client.sendMessage(chatID: chatID, text: text) }
    }

    func sendAlert(_ text: String) async throws {
        try await Self.permanentWhenRefused {
            _ = try await client.sendMessage(chatID: chatID, text: "⚠️ <b>Upshift</b>: " + TelegramHTML.escape(text))
        }
    }

    func callbacks(after offset: Int64?, timeout: Int) async throws -> CallbackBatch {
        let updates = try await client.getUpdates(offset: offset, timeout: timeout)
        let callbacks = updates.compactMap(\.callbackQuery).map { query in
            let action = query.action
            return ChatCallback(
                id: query.id, fromUserID: query.from.id,
                chatID: query.message.map { Self.callbackChatID($0.chat, configured: chatID) },
                messageID: query.message?.messageID,
                action: action.map {
                    switch $0 {
                    case .approve: .approve
                    case .skip: .skip
                    }
                }, requestID: action?.requestID)
        }
        return CallbackBatch(callbacks: callbacks, nextOffset: TelegramUpdate.nextOffset(after: updates) ?? offset)
    }

    /// The chat of a button press as the listener compares it with `telegram_chat_id`: the configured
    /// text itself when it names this chat (`-1001234567890` by id, or `@channel` by username, as
    /// ``TelegramChat/matches(_:)`` reads it), else the chat's numeric id, which then matches nothing.
    static func callbackChatID(_ chat: TelegramChat, configured: String) -> String {
        chat.matches(configured) ? configured : String(chat.id)
    }

    func answer(_ callback: ChatCallback, text: String) async throws {
        try await client.answerCallbackQuery(id: callback.id, text: text)
    }

    static func content(_ request: ApprovalRequest) -> ApprovalMessageContent {
        ApprovalMessageContent(
            movieTitle: request.movieTitle, year: request.year, releaseName: request.releaseName,
            currentLabel: request.current.map(\.label), newLabel: request.new.label, gains: request.gains,
            reason: request.reason, sizeBytes: request.sizeBytes, targetFolder: request.targetFolder,
            expiresAt: request.expiresAt)
    }

    static func notice(_ request: ApprovalRequest) -> DownloadNoticeContent {
        DownloadNoticeContent(
            movieTitle: request.movieTitle, year: request.year, releaseName: request.releaseName,
            sizeBytes: request.sizeBytes, targetFolder: request.targetFolder)
    }
}

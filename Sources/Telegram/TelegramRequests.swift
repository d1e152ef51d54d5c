/// Request bodies of the Bot API methods Upshift calls, with the documented field names.

/// `chat_id`: a JSON number for a numeric id, a string for `@channel`.
struct ChatID: Encodable, Sendable {
    let value: String

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let number = Int64(value) {
            try container.encode(number)
        } else {
            try container.encode(value)
        }
    }
}

/// `{"inline_keyboard": [[button, …], …]}`.
struct InlineKeyboardMarkup: Encodable, Sendable {
    let inlineKeyboard: [[InlineButton]]

    private enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard"
    }
}

/// `{"is_disabled": true}`.
struct LinkPreviewOptions: Encodable, Sendable {
    let isDisabled = true

    private enum CodingKeys: String, CodingKey {
        case isDisabled = "is_disabled"
    }
}

/// `sendMessage` and `editMessageText`: HTML text without link previews, with an optional keyboard.
struct MessageTextBody: Encodable, Sendable {
    let chatID: ChatID
    let messageID: Int?
    let text: String
    let parseMode = "HTML"
    let linkPreviewOptions = LinkPreviewOptions()
    /// `nil` leaves the field out: no keyboard on send, keyboard removed on edit.
    let replyMarkup: InlineKeyboardMarkup?

    private enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageID = "message_id"
        case text
        case parseMode = "parse_mode"
        case linkPreviewOptions = "link_preview_options"
        case replyMarkup = "reply_markup"
    }
}

/// `answerCallbackQuery`.
struct AnswerCallbackQueryBody: Encodable, Sendable {
    let callbackQueryID: String
    let text: String?

    private enum CodingKeys: String, CodingKey {
        case callbackQueryID = "callback_query_id"
        case text
    }
}

/// `getUpdates`.
struct GetUpdatesBody: Encodable, Sendable {
    let offset: Int64?
    let timeout: Int
    let limit: Int
    let allowedUpdates = ["message", "callback_query"]

    private enum CodingKeys: String, CodingKey {
        case offset, timeout, limit
        case allowedUpdates = "allowed_updates"
    }
}

/// A method without parameters (`getMe`).
struct EmptyBody: Encodable, Sendable {}

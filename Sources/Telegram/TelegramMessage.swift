/// A message, as far as Upshift reads it. Also stands for an *inaccessible* message (too old or
/// deleted), which has only `chat`, `message_id` and `date` 0.
public struct TelegramMessage: Sendable, Hashable, Decodable {
    /// The message id within its chat.
    public var messageID: Int
    /// The chat it is in.
    public var chat: TelegramChat
    /// Unix time it was sent; 0 for an inaccessible message.
    public var date: Int64
    /// The sender, when known.
    public var from: TelegramUser?
    /// The text, for text messages.
    public var text: String?

    /// Creates a message.
    public init(messageID: Int, chat: TelegramChat, date: Int64, from: TelegramUser? = nil, text: String? = nil) {
        self.messageID = messageID
        self.chat = chat
        self.date = date
        self.from = from
        self.text = text
    }

    /// False for an inaccessible message (date 0): it cannot be read, but may still be edited by id.
    public var isAccessible: Bool { date != 0 }

    private enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case chat, date, from, text
    }

    /// Decodes leniently: `message_id` and `chat` are required; an unreadable sender is dropped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(Int.self, forKey: .messageID)
        chat = try container.decode(TelegramChat.self, forKey: .chat)
        date = try container.decodeIfPresent(Int64.self, forKey: .date) ?? 0
        from = try? container.decodeIfPresent(TelegramUser.self, forKey: .from)
        text = try? container.decodeIfPresent(String.self, forKey: .text)
    }
}

/// A press on an inline keyboard button.
public struct TelegramCallbackQuery: Sendable, Hashable, Decodable {
    /// The query id, for ``TelegramClient/answerCallbackQuery(id:text:)``.
    public var id: String
    /// Who pressed: authorise against the configured chat before acting.
    public var from: TelegramUser
    /// The message with the button; absent for inline-mode messages, possibly inaccessible.
    public var message: TelegramMessage?
    /// Set instead of `message` for inline-mode messages.
    public var inlineMessageID: String?
    /// The button's callback data (may be absent, or stale; see ``CallbackAction/parse(_:)``).
    public var data: String?

    /// Creates a callback query.
    public init(
        id: String, from: TelegramUser, message: TelegramMessage? = nil, inlineMessageID: String? = nil,
        data: String? = nil
    ) {
        self.id = id
        self.from = from
        self.message = message
        self.inlineMessageID = inlineMessageID
        self.data = data
    }

    /// The parsed approval action, when the data is one.
    public var action: CallbackAction? { data.flatMap(CallbackAction.parse) }

    private enum CodingKeys: String, CodingKey {
        case id, from, message, data
        case inlineMessageID = "inline_message_id"
    }

    /// Decodes leniently: `id` and `from` are required; an unreadable message is dropped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        from = try container.decode(TelegramUser.self, forKey: .from)
        message = try? container.decodeIfPresent(TelegramMessage.self, forKey: .message)
        inlineMessageID = try container.decodeIfPresent(String.self, forKey: .inlineMessageID)
        data = try container.decodeIfPresent(String.self, forKey: .data)
    }
}

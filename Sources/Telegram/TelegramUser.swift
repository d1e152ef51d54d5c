import Foundation

/// A Telegram user or bot (`getMe`, the sender of a message or callback query).
public struct TelegramUser: Sendable, Hashable, Decodable {
    /// The user id (may exceed 32 bits).
    public var id: Int64
    /// True for bots.
    public var isBot: Bool
    /// The first name (empty when the server sent none).
    public var firstName: String
    /// The `@username` without the `@`, when set.
    public var username: String?

    /// Creates a user.
    public init(id: Int64, isBot: Bool = false, firstName: String = "", username: String? = nil) {
        self.id = id
        self.isBot = isBot
        self.firstName = firstName
        self.username = username
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case isBot = "is_bot"
        case firstName = "first_name"
        case username
    }

    /// Decodes leniently: only `id` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        isBot = try container.decodeIfPresent(Bool.self, forKey: .isBot) ?? false
        firstName = try container.decodeIfPresent(String.self, forKey: .firstName) ?? ""
        username = try container.decodeIfPresent(String.self, forKey: .username)
    }
}

/// A chat: private, group, supergroup or channel.
public struct TelegramChat: Sendable, Hashable, Decodable {
    /// The chat id (may exceed 32 bits; negative for groups and channels).
    public var id: Int64
    /// `private`, `group`, `supergroup` or `channel` (empty when absent).
    public var type: String
    /// The `@username` without the `@`, when set.
    public var username: String?

    /// Creates a chat.
    public init(id: Int64, type: String = "private", username: String? = nil) {
        self.id = id
        self.type = type
        self.username = username
    }

    private enum CodingKeys: String, CodingKey {
        case id, type, username
    }

    /// Decodes leniently: only `id` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? ""
        username = try container.decodeIfPresent(String.self, forKey: .username)
    }

    /// True when `configured` (the `telegram_chat_id` setting: a number or `@name`) names this chat.
    public func matches(_ configured: String) -> Bool {
        let configured = configured.trimmingCharacters(in: .whitespaces)
        if let number = Int64(configured) { return number == id }
        guard configured.hasPrefix("@"), let username else { return false }
        return configured.dropFirst().lowercased() == username.lowercased()
    }
}

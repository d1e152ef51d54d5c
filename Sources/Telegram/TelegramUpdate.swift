/// One entry of `getUpdates`. Unknown or unreadable update types decode as ``Kind/unsupported(_:)``
/// rather than failing the batch: skip them, but still count their ``updateID`` for the next offset.
public struct TelegramUpdate: Sendable, Hashable, Decodable {
    /// What the update carries.
    public enum Kind: Sendable, Hashable {
        /// A new message in a chat with the bot.
        case message(TelegramMessage)
        /// A button press.
        case callbackQuery(TelegramCallbackQuery)
        /// Any other update type (or one that could not be read): its field name.
        case unsupported(String)
    }

    /// The update's id; send `max + 1` as the next `offset` to confirm it.
    public var updateID: Int64
    /// What it carries.
    public var kind: Kind

    /// Creates an update.
    public init(updateID: Int64, kind: Kind) {
        self.updateID = updateID
        self.kind = kind
    }

    /// The callback query, when this update is one.
    public var callbackQuery: TelegramCallbackQuery? {
        if case .callbackQuery(let query) = kind { return query }
        return nil
    }

    /// The `offset` that confirms every update in `updates`: the largest id + 1, `nil` when empty.
    public static func nextOffset(after updates: [TelegramUpdate]) -> Int64? {
        updates.map(\.updateID).max().map { $0 + 1 }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes `update_id` (required) and the one known field present; anything else is `unsupported`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        updateID = try container.decode(Int64.self, forKey: Key(stringValue: "update_id"))
        let type = container.allKeys.map(\.stringValue).first { $0 != "update_id" } ?? ""
        switch type {
        case "message":
            kind =
                (try? container.decode(TelegramMessage.self, forKey: Key(stringValue: type))).map(Kind.message)
                ?? .unsupported(type)
        case "callback_query":
            kind =
                (try? container.decode(TelegramCallbackQuery.self, forKey: Key(stringValue: type)))
                .map(Kind.callbackQuery) ?? .unsupported(type)
        default:
            kind = .unsupported(type)
        }
    }
}

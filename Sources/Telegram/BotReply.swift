/// The envelope of every Bot API reply: `{"ok":true,"result":…}` or
/// `{"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}`.
struct BotReply<Result: Decodable>: Decodable {
    let ok: Bool
    let result: Result?
    let errorCode: Int?
    let description: String?
    let parameters: Parameters?

    /// `ResponseParameters`.
    struct Parameters: Decodable {
        let retryAfter: Int?
        let migrateToChatID: Int64?

        private enum CodingKeys: String, CodingKey {
            case retryAfter = "retry_after"
            case migrateToChatID = "migrate_to_chat_id"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case ok, result, description, parameters
        case errorCode = "error_code"
    }
}

/// A result whose content Upshift does not need (`true`, or a Message after an edit).
struct IgnoredResult: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}

/// A `getUpdates` entry that never fails the batch: `nil` when even `update_id` is unreadable.
struct LossyUpdate: Decodable {
    let update: TelegramUpdate?

    init(from decoder: any Decoder) throws {
        update = try? TelegramUpdate(from: decoder)
    }
}

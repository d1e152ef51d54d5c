import Foundation

/// One button of an inline keyboard: a text and exactly one action.
public struct InlineButton: Sendable, Hashable {
    /// What pressing the button does.
    public enum Action: Sendable, Hashable {
        /// Sends a callback query with this data (1–64 UTF-8 bytes) to the bot.
        case callback(String)
        /// Opens this URL.
        case url(String)
    }

    /// The label.
    public var text: String
    /// What it does.
    public var action: Action

    /// A button with any action.
    public init(text: String, action: Action) {
        self.text = text
        self.action = action
    }

    /// A button that sends `callbackData` back to the bot.
    public init(text: String, callbackData: String) {
        self.init(text: text, action: .callback(callbackData))
    }

    /// A button for an approval action (`dl:<id>` / `skip:<id>`).
    public init(text: String, callback: CallbackAction) {
        self.init(text: text, action: .callback(callback.data))
    }

    /// Why the Bot API would refuse this button, or `nil` when it is fine.
    var problem: String? {
        if text.isEmpty { return "a button has an empty text" }
        if case .callback(let data) = action, data.utf8.isEmpty || data.utf8.count > 64 {
            return "callback data must be 1 to 64 bytes, got \(data.utf8.count)"
        }
        return nil
    }
}

extension InlineButton: Encodable {
    private enum CodingKeys: String, CodingKey {
        case text
        case callbackData = "callback_data"
        case url
    }

    /// `{"text":…,"callback_data":…}` or `{"text":…,"url":…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        switch action {
        case .callback(let data): try container.encode(data, forKey: .callbackData)
        case .url(let url): try container.encode(url, forKey: .url)
        }
    }
}

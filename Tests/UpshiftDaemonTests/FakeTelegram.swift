import Foundation
import Hummingbird
import NIOCore

/// A fake Bot API on loopback: records every call, hands out queued callback updates through
/// `getUpdates`, and answers with the documented JSON shapes.
actor FakeTelegram {
    struct Call: Sendable {
        var method: String
        var body: [String: any Sendable]
        var text: String { body["text"] as? String ?? "" }
    }

    private(set) var calls: [Call] = []
    private var queued: [String] = []
    private var nextUpdateID: Int64 = 1000
    private var nextMessageID = 500
    /// While true every call answers 502 (Telegram down).
    var down = false

    func setDown(_ value: Bool) { down = value }

    func calls(_ method: String) -> [Call] { calls.filter { $0.method == method } }

    /// Queues a button press on `messageID` from `userID` in `chatID` (a channel when it has a `chatUsername`).
    func press(data: String, userID: Int64, chatID: Int64, chatUsername: String? = nil, messageID: Int) {
        nextUpdateID += 1
        let chat = chatUsername.map { #""type":"channel","username":"\#($0)""# } ?? #""type":"private""#
        queued.append(
            """
            {"update_id":\(nextUpdateID),"callback_query":{"id":"cbq\(nextUpdateID)","from":{"id":\(userID),"is_bot":false,"first_name":"U"},\
            "message":{"message_id":\(messageID),"chat":{"id":\(chatID),\(chat)},"date":1795555000,"text":"x"},\
            "chat_instance":"-1","data":"\(data)"}}
            """)
    }

    /// Handles one call; returns the status and JSON body.
    func handle(method: String, body: Data) async -> (Int, String) {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        var sendable: [String: any Sendable] = [:]
        for (key, value) in object {
            if let text = value as? String { sendable[key] = text }
            else if let number = value as? NSNumber { sendable[key] = number.int64Value }
            else { sendable[key] = "\(value)" }
        }
        if down { return (502, #"{"ok":false,"error_code":502,"description":"Bad Gateway"}"#) }
        calls.append(Call(method: method, body: sendable))
        switch method {
        case "sendMessage", "editMessageText":
            nextMessageID += 1
            let id = method == "sendMessage" ? nextMessageID : Int(sendable["message_id"] as? Int64 ?? 0)
            return (200, #"{"ok":true,"result":{"message_id":\#(id),"chat":{"id":42,"type":"private"},"date":1795555000,"text":"x"}}"#)
        case "answerCallbackQuery":
            return (200, #"{"ok":true,"result":true}"#)
        case "getUpdates":
            if queued.isEmpty {
                try? await Task.sleep(for: .milliseconds(200))
            }
            let offset = sendable["offset"] as? Int64 ?? 0
            let updates = queued
            queued = []
            _ = offset
            return (200, #"{"ok":true,"result":[\#(updates.joined(separator: ","))]}"#)
        default:
            return (404, #"{"ok":false,"error_code":404,"description":"Not Found: method not found"}"#)
        }
    }
}

import Foundation
import Hummingbird
import NIOCore
import UpshiftTestSupport

/// A fake Bot API: answers `POST /bot<TOKEN>/<method>` with the documented JSON shapes, records every
/// request, and answers 401 `Unauthorized` for any other token, as api.telegram.org does.
struct FakeBotAPI: Sendable {
    /// The token the fake accepts (the shape of a real one; not a real one).
    static let token = "123456789:AAFakeTokenForUpshiftTests_0123456789"

    /// What a method handler answers: status and JSON (or any) body.
    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var body: String
        var contentType = "application/json"

        /// `{"ok":true,"result":<result>}`.
        static func ok(_ result: String) -> Reply { Reply(status: .ok, body: #"{"ok":true,"result":\#(result)}"#) }

        /// `{"ok":false,"error_code":…,"description":…}` with the same HTTP status.
        static func error(_ code: Int, _ description: String, parameters: String? = nil) -> Reply {
            let extra = parameters.map { #","parameters":\#($0)"# } ?? ""
            return Reply(
                status: .init(code: code),
                body: #"{"ok":false,"error_code":\#(code),"description":"\#(description)"\#(extra)}"#
            )
        }
    }

    let recorder = RequestRecorder()
    /// Method name → reply; called once per request with the number of earlier calls to that method.
    let handler: @Sendable (_ method: String, _ call: Int) -> Reply

    init(handler: @escaping @Sendable (_ method: String, _ call: Int) -> Reply) {
        self.handler = handler
    }

    /// The router to serve with `LoopbackServer`.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let recorder = recorder
        let handler = handler
        router.post("/:bot/:method") { request, context -> Response in
            try await recorder.record(request)
            let method = context.parameters.get("method") ?? ""
            let reply: Reply
            if context.parameters.get("bot") != "bot\(Self.token)" {
                reply = .error(401, "Unauthorized")
            } else {
                let call = await recorder.entries.filter { $0.path.hasSuffix("/\(method)") }.count - 1
                reply = handler(method, call)
            }
            return Response(
                status: reply.status, headers: [.contentType: reply.contentType],
                body: .init(byteBuffer: ByteBuffer(string: reply.body))
            )
        }
        return router
    }

    /// The JSON bodies received for `method`, as dictionaries.
    func bodies(_ method: String) async -> [[String: Any]] {
        await recorder.entries(pathSuffix: "/\(method)").map {
            (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] ?? [:]
        }
    }

    /// The `Message` JSON the fake returns for a send or edit.
    static func message(id: Int, chatID: Int64 = 123_456_789, text: String = "x") -> String {
        #"{"message_id":\#(id),"from":{"id":7000000001,"is_bot":true,"first_name":"MediaBot","username":"media_bot"},"chat":{"id":\#(chatID),"type":"private","first_name":"Ana"},"date":1795555000,"text":"\#(text)"}"#
    }
}

/// Records the waits a client asked for instead of sleeping.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    func sleep(_ duration: Duration) {
        waits.append(duration)
    }
}

/// The answer a Download or Skip button carries, as callback data `dl:<requestID>` / `skip:<requestID>`.
///
/// Request ids are 1–59 characters of ASCII letters, digits, `-`, `_` and `.` (a UUID fits), so the
/// data stays within the Bot API's 64 bytes; anything else does not parse.
public enum CallbackAction: Sendable, Hashable {
    /// The owner pressed Download.
    case approve(requestID: String)
    /// The owner pressed Skip.
    case skip(requestID: String)

    /// The most bytes callback data may have.
    public static let maxDataBytes = 64

    /// The request the button belongs to.
    public var requestID: String {
        switch self {
        case .approve(let id), .skip(let id): id
        }
    }

    /// The callback data: `dl:<requestID>` or `skip:<requestID>`.
    public var data: String {
        switch self {
        case .approve(let id): "dl:\(id)"
        case .skip(let id): "skip:\(id)"
        }
    }

    /// The action in `data`, or `nil` for anything that is not one of ours (an old button, a game).
    public static func parse(_ data: String) -> CallbackAction? {
        guard data.utf8.count <= maxDataBytes, let colon = data.firstIndex(of: ":") else { return nil }
        let id = String(data[data.index(after: colon)...])
        guard isValidRequestID(id) else { return nil }
        switch data[..<colon] {
        case "dl": return .approve(requestID: id)
        case "skip": return .skip(requestID: id)
        default: return nil
        }
    }

    /// True when `id` can travel in callback data (see the type's documentation).
    public static func isValidRequestID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maxDataBytes - "skip:".utf8.count
            && id.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || "-_.".unicodeScalars.contains($0)) }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

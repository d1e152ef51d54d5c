/// A credential read from the settings (a password, token or API key) that never prints itself.
///
/// `description`, `debugDescription`, `dump` and encoding all show `********` when a value is set
/// and an empty string when it is not, so a `Secret` can sit inside any value that gets logged,
/// encoded for the API or shown in the web UI (SPEC §9). Only the clients that send the credential
/// read ``exposedValue``; grep for it to audit every use.
public struct Secret: Sendable, Hashable {
    /// The mask shown instead of a value that is set.
    public static let mask = "********"

    private let storage: String

    /// Creates a secret; an empty string means "not set".
    public init(_ value: String = "") {
        self.storage = value
    }

    /// True when a non-empty value is set.
    public var isSet: Bool { !storage.isEmpty }

    /// The credential itself, for the one client that sends it. Never log or encode it.
    public var exposedValue: String { storage }

    /// What every printed or encoded form shows: the mask when set, empty when not.
    public var redacted: String { isSet ? Self.mask : "" }
}

// MARK: - Printing

extension Secret: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The mask, or an empty string when no value is set.
    public var description: String { redacted }

    /// The mask, or an empty string when no value is set.
    public var debugDescription: String { redacted }

    /// A mirror without children, so `dump` and `Mirror` see only ``debugDescription``.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

// MARK: - Coding

extension Secret: Codable {
    /// Reads the value from a JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Writes the mask (or an empty string), never the value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(redacted)
    }
}

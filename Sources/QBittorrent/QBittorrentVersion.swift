import Foundation

/// What a qBittorrent server reported about itself (`app/version`, `app/webapiVersion`), and the
/// protocol choices that follow from it.
public struct QBittorrentVersion: Sendable, Hashable, CustomStringConvertible {
    /// A WebAPI version such as `2.8.19`, compared numerically.
    public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Major part (2).
        public let major: Int
        /// Minor part.
        public let minor: Int
        /// Patch part (0 when absent).
        public let patch: Int

        /// Creates a version.
        public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
            self.major = major
            self.minor = minor
            self.patch = patch
        }

        /// Parses `2.8.19` (surrounding whitespace allowed); nil when it is not dotted numbers.
        public init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
            let numbers = parts.compactMap { Int($0) }
            guard (2...3).contains(parts.count), numbers.count == parts.count else { return nil }
            self.init(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : 0)
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }

        public var description: String { "\(major).\(minor).\(patch)" }
    }

    /// The application version as reported, e.g. `v4.5.2`.
    public let application: String
    /// The WebAPI version, e.g. 2.8.19.
    public let webAPI: APIVersion

    /// Creates a version record.
    public init(application: String, webAPI: APIVersion) {
        self.application = application
        self.webAPI = webAPI
    }

    /// qBittorrent 5.0 (WebAPI 2.11) renamed `paused` to `stopped` (add option, states, pause/resume → stop/start).
    public var usesStoppedNaming: Bool { webAPI >= APIVersion(2, 11, 0) }

    /// WebAPI 2.14 answers `torrents/add` with JSON counts and a failed login with HTTP 401.
    public var answersAddWithJSON: Bool { webAPI >= APIVersion(2, 14, 0) }

    public var description: String { "qBittorrent \(application) (WebAPI \(webAPI))" }
}

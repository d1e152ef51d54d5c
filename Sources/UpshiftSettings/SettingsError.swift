/// Everything that can be wrong with the settings. Each description is one sentence naming the
/// file or variable and the key; secrets are never part of a message.
public enum SettingsError: Error, Sendable, Hashable {
    /// The settings file exists but cannot be read.
    case unreadableFile(path: String, reason: String)
    /// A document is not valid JSON; `source` is the file path or the option it came from.
    case invalidJSON(source: String, line: Int?, column: Int?, detail: String)
    /// The settings file is valid JSON but not an object.
    case notAnObject(source: String, found: String)
    /// A key holds a value of the wrong type or out of range; `problem` completes the sentence.
    case invalidSetting(source: SettingSource, key: String, problem: String)
    /// Several problems, reported together so that one run shows everything to fix.
    indirect case several([SettingsError])

    /// Every single problem, flattened, in the order found.
    public var problems: [SettingsError] {
        if case .several(let errors) = self { return errors.flatMap(\.problems) }
        return [self]
    }

    /// One error for a list of problems: the problem itself when there is only one.
    static func combining(_ errors: [SettingsError]) -> SettingsError? {
        switch errors.count {
        case 0: nil
        case 1: errors[0]
        default: .several(errors)
        }
    }
}

extension SettingsError: CustomStringConvertible {
    /// One sentence per problem, e.g. `settings.json: "qbittorrent_port" must be an integer, got string`;
    /// several problems are one per line.
    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read (\(reason))"
        case .invalidJSON(let source, let line, let column, let detail):
            guard let line, let column else { return "\(source): invalid JSON (\(detail))" }
            return "\(source): invalid JSON at line \(line), column \(column) (\(detail))"
        case .notAnObject(let source, let found):
            return "\(source): must be a JSON object of settings, got \(found)"
        case .invalidSetting(let source, let key, let problem):
            return "\(source.prefix)\"\(key)\" \(problem)"
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        }
    }
}

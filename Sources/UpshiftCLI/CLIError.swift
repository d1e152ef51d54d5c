import UpshiftSettings

/// What a command can fail with besides usage errors. Each description is one sentence naming the
/// option or key; a command exits with status 1 on any of them.
public enum CLIError: Error, Sendable, Hashable {
    /// The settings file or an `UPSHIFT_<KEY>` variable is wrong.
    case settings(SettingsError)
    /// An option's value is not valid JSON.
    case invalidJSON(SettingsError)
    /// A key inside an option's JSON value is wrong, e.g. `--current: "resolution" must be one of …`.
    case invalidOptionValue(option: String, key: String?, problem: String)
    /// A setting that is valid alone but not for what the command does, e.g. `"telegram_chat_id" is
    /// required when telegram_bot_token is set`.
    case setting(key: String, problem: String)
    /// An outside system the command needs failed (the text is free of secrets).
    case failed(String)
    /// Several problems, reported together.
    indirect case several([CLIError])

    /// One message per problem, in the order found.
    public var messages: [String] {
        switch self {
        case .settings(let error), .invalidJSON(let error):
            error.problems.map(\.description)
        case .invalidOptionValue(let option, let key, let problem):
            [key.map { "\(option): \"\($0)\" \(problem)" } ?? "\(option): \(problem)"]
        case .setting(let key, let problem):
            ["\"\(key)\" \(problem)"]
        case .failed(let message):
            [message]
        case .several(let errors):
            errors.flatMap(\.messages)
        }
    }
}

extension CLIError: CustomStringConvertible {
    /// The messages, one per line.
    public var description: String { messages.joined(separator: "\n") }
}

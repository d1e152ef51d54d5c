import Foundation

/// Applies `UPSHIFT_<KEY>` environment variables over the file's values (SPEC §9).
///
/// Each variable's text is read by its key's type: booleans as `true`/`false`/`1`/`0`, numbers
/// as numbers, lists as a JSON list or comma-separated items, `path_mappings` as a JSON list or
/// comma-separated `from=to` pairs. Problems name the variable.
enum EnvironmentOverrides {
    /// The settings keys.
    typealias Key = Settings.CodingKeys

    /// What applying the environment found.
    struct Outcome {
        /// Variables that could not be read, by name.
        var errors: [SettingsError] = []
        /// `UPSHIFT_` variables that match no key.
        var warnings: [String] = []
    }

    /// Replaces `values[key]` for every variable set, and records the variable as its source.
    static func apply(
        _ environment: [String: String], to values: inout [String: JSONValue],
        sources: inout [String: SettingSource]
    ) -> Outcome {
        var outcome = Outcome()
        for key in Key.allCases {
            guard let text = environment[key.environmentVariable] else { continue }
            let source = SettingSource.environment(variable: key.environmentVariable)
            switch value(of: text, for: key) {
            case .success(let value):
                values[key.rawValue] = value
                sources[key.rawValue] = source
            case .failure(let error):
                // The variable was meant to win: report it alone, not the file's value as well.
                values[key.rawValue] = nil
                outcome.errors.append(error.attributed(to: source, key: key))
            }
        }
        let known = Set(Key.allCases.map(\.environmentVariable))
        for variable in environment.keys.sorted() where variable.hasPrefix("UPSHIFT_") && !known.contains(variable) {
            let key = variable.dropFirst("UPSHIFT_".count).lowercased()
            var warning = "\(variable): no setting \"\(key)\" exists, so the variable is ignored"
            if let suggestion = KeySuggestion.closest(to: key) { warning += " (did you mean \"\(suggestion)\"?)" }
            outcome.warnings.append(warning)
        }
        return outcome
    }

    // MARK: - Reading one variable

    /// Why a variable's text could not be read; completed into a ``SettingsError`` by the caller.
    enum Problem: Error {
        /// The rest of a sentence about the variable.
        case problem(String)
        /// A JSON list that does not parse.
        case json(SettingsError)

        /// The error naming the variable and its key.
        func attributed(to source: SettingSource, key: Key) -> SettingsError {
            switch self {
            case .problem(let text): .invalidSetting(source: source, key: key.rawValue, problem: text)
            case .json(let error): error
            }
        }
    }

    /// The JSON value a variable's text stands for.
    static func value(of text: String, for key: Key) -> Result<JSONValue, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch key.valueType {
        case .string:
            return .success(.string(text))
        case .bool:
            switch trimmed.lowercased() {
            case "true", "1": return .success(.bool(true))
            case "false", "0": return .success(.bool(false))
            default: return .failure(.problem("must be true, false, 1 or 0, got \"\(trimmed)\""))
            }
        case .integer:
            guard let number = Int(trimmed) else {
                return .failure(.problem("must be an integer, got \"\(trimmed)\""))
            }
            return .success(.integer(number))
        case .number:
            guard let number = Double(trimmed) else {
                return .failure(.problem("must be a number, got \"\(trimmed)\""))
            }
            return .success(.number(number))
        case .stringList:
            if trimmed.hasPrefix("[") { return jsonList(trimmed, key: key) }
            return .success(.array(commaSeparated(trimmed).map { .string($0) }))
        case .pathMappings:
            if trimmed.hasPrefix("[") { return jsonList(trimmed, key: key) }
            return pathMappings(trimmed)
        }
    }

    private static func jsonList(_ text: String, key: Key) -> Result<JSONValue, Problem> {
        do {
            let value = try JSONValue.parse(Data(text.utf8), source: key.environmentVariable)
            guard case .array = value else { return .failure(.problem("must be a list, got \(value.typeName)")) }
            return .success(value)
        } catch {
            return .failure(.json(error))
        }
    }

    private static func commaSeparated(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func pathMappings(_ text: String) -> Result<JSONValue, Problem> {
        var entries: [JSONValue] = []
        for item in commaSeparated(text) {
            guard let equals = item.firstIndex(of: "=") else {
                return .failure(.problem("entries must be written FROM=TO, got \"\(item)\""))
            }
            let from = String(item[..<equals]).trimmingCharacters(in: .whitespaces)
            let to = String(item[item.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            entries.append(.object(["from": .string(from), "to": .string(to)]))
        }
        return .success(.array(entries))
    }
}

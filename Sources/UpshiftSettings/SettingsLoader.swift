import Foundation

/// Loads `settings.json` once, applies `UPSHIFT_<KEY>` overrides and checks every key (SPEC §9).
///
/// The loader prints nothing: warnings and notes are returned, and every problem is collected
/// into one ``SettingsError`` (``SettingsError/several(_:)`` when there are more than one).
/// It reads the environment only through its `environment` parameter.
public enum SettingsLoader {
    /// Settings that loaded, with what the caller may want to show.
    public struct Loaded: Sendable {
        /// The effective settings: defaults, then the file, then the environment.
        public var settings: Settings
        /// Ignored input: unknown keys and unknown `UPSHIFT_` variables.
        public var warnings: [String]
        /// Facts worth a line, such as "the file does not exist, so the defaults apply".
        public var notes: [String]
        /// True when the settings file existed and was read.
        public var fileFound: Bool
    }

    /// Loads the settings file at `path` (relative to the working directory), applying
    /// `UPSHIFT_<KEY>` variables from `environment`. A missing file means the defaults.
    public static func load(path: String, environment: [String: String]) throws(SettingsError) -> Loaded {
        let fileFound = try fileExists(path)
        let values = fileFound ? try readObject(path: path) : [:]
        var loaded = try check(values, source: path, environment: environment)
        if !fileFound { loaded.notes.append("\(path) does not exist, so the defaults apply") }
        loaded.fileFound = fileFound
        return loaded
    }

    /// Checks a settings document given as bytes (the web UI's "validate" form) exactly as
    /// ``load(path:environment:)`` checks a file, without reading the environment.
    public static func validate(_ data: Data, source: String) throws(SettingsError) -> Loaded {
        let document = try JSONValue.parse(data, source: source)
        guard case .object(let values) = document else {
            throw .notAnObject(source: source, found: document.typeName)
        }
        return try check(values, source: source, environment: [:])
    }

    /// Warns about unknown keys, applies the overrides and reads every key.
    private static func check(
        _ fileValues: [String: JSONValue], source: String, environment: [String: String]
    ) throws(SettingsError) -> Loaded {
        var values = fileValues
        var warnings: [String] = []
        for key in values.keys.sorted() where Settings.CodingKeys(rawValue: key) == nil {
            var warning = "\(source): unknown key \"\(key)\" is ignored"
            if let suggestion = KeySuggestion.closest(to: key) { warning += " (did you mean \"\(suggestion)\"?)" }
            warnings.append(warning)
        }
        var sources: [String: SettingSource] = [:]
        let overrides = EnvironmentOverrides.apply(environment, to: &values, sources: &sources)
        warnings += overrides.warnings
        let result = Settings.read(values, sources: sources, defaultSource: .file(path: source))
        warnings += result.warnings
        if let error = SettingsError.combining(overrides.errors + result.errors) { throw error }
        return Loaded(settings: result.settings, warnings: warnings, notes: [], fileFound: true)
    }

    /// True when a file is at `path`; a directory there is an error.
    private static func fileExists(_ path: String) throws(SettingsError) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue { throw .unreadableFile(path: path, reason: "it is a directory") }
        return true
    }

    /// The file's top-level JSON object.
    private static func readObject(path: String) throws(SettingsError) -> [String: JSONValue] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedFailureReason ?? "read failed")
        }
        let document = try JSONValue.parse(data, source: path)
        guard case .object(let values) = document else {
            throw .notAnObject(source: path, found: document.typeName)
        }
        return values
    }
}

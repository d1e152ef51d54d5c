/// Where a setting's value came from, so that an error names the place to fix.
public enum SettingSource: Sendable, Hashable {
    /// The settings file, by the path it was loaded from.
    case file(path: String)
    /// An `UPSHIFT_<KEY>` environment variable, by name.
    case environment(variable: String)
    /// A value decoded with `Decodable` from an unnamed document.
    case document

    /// The prefix of a message about a value from this source, e.g. `settings.json: `.
    var prefix: String {
        switch self {
        case .file(let path): "\(path): "
        case .environment(let variable): "\(variable): "
        case .document: ""
        }
    }
}

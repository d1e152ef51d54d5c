import UpshiftSettings

/// Translates a folder path as Radarr sees it into the same folder as qBittorrent sees it (SPEC §6, §9).
///
/// Pure, so the daemon computes the `savepath` before anything is sent:
/// - With `path_mappings`, the mapping with the longest `from` prefix that matches wins (the first of
///   equal length). Prefixes match whole path components (`/movies` matches `/movies/Dune` but not
///   `/movies-4k/Dune`), with or without trailing separators on either side.
/// - Without mappings, `radarr_root_path` replaces Radarr's root folder: the movie's `rootFolderPath`
///   when given, else the longest of Radarr's root folders that holds the path.
/// - A path nothing matches is returned unchanged.
///
/// Windows-style paths work too: `\` separates components like `/`, and when `from` and `to` use
/// different separators the rest of the path is rewritten with `to`'s.
public struct PathMapper: Sendable, Hashable {
    /// `path_mappings`, in settings order.
    public let mappings: [PathMapping]
    /// `radarr_root_path`: Radarr's root folder as qBittorrent sees it; empty when not set.
    public let radarrRootPath: String
    /// Radarr's root folders (`rootFolders()` paths), used when no mappings are given.
    public let rootFolders: [String]

    /// Creates a mapper.
    public init(mappings: [PathMapping], radarrRootPath: String = "", rootFolders: [String] = []) {
        self.mappings = mappings.filter { !$0.from.isEmpty }
        self.radarrRootPath = radarrRootPath
        self.rootFolders = rootFolders.filter { !$0.isEmpty }
    }

    /// A mapper from the settings' `path_mappings` and `radarr_root_path`.
    public init(settings: Settings, rootFolders: [String] = []) {
        self.init(mappings: settings.pathMappings, radarrRootPath: settings.radarrRootPath, rootFolders: rootFolders)
    }

    /// `path` as qBittorrent sees it; `rootFolderPath` is the movie's Radarr root folder, when known.
    public func map(_ path: String, rootFolderPath: String? = nil) -> String {
        if !mappings.isEmpty {
            return Self.replace(in: path, candidates: mappings.map { ($0.from, $0.to) }) ?? path
        }
        guard !radarrRootPath.isEmpty else { return path }
        if let rootFolderPath, !rootFolderPath.isEmpty,
            let mapped = Self.replace(in: path, candidates: [(rootFolderPath, radarrRootPath)])
        {
            return mapped
        }
        return Self.replace(in: path, candidates: rootFolders.map { ($0, radarrRootPath) }) ?? path
    }

    // MARK: - Private

    /// `path` with the longest matching `from` replaced by its `to`, or nil when none matches.
    private static func replace(in path: String, candidates: [(from: String, to: String)]) -> String? {
        var best: (rest: Substring, from: String, to: String, length: Int)?
        for (from, to) in candidates {
            let prefix = trimmed(from)
            guard let rest = remainder(of: path, after: prefix, isRoot: prefix.isEmpty && isSeparator(from.first))
            else {
                continue
            }
            if let current = best, prefix.count <= current.length { continue }
            best = (rest, from, to, prefix.count)
        }
        guard let best else { return nil }
        let fromSeparator = separator(of: best.from)
        let toSeparator = separator(of: best.to)
        var rest = String(best.rest)
        if fromSeparator != toSeparator { rest = String(rest.map { $0 == fromSeparator ? toSeparator : $0 }) }
        let head = trimmed(best.to)
        var result = rest.isEmpty ? head : head + String(toSeparator) + rest
        if result.isEmpty || (isSeparator(path.last) && !isSeparator(result.last)) { result.append(toSeparator) }
        return result
    }

    /// What follows `prefix` in `path` after a component boundary, or nil when `prefix` does not hold `path`.
    private static func remainder(of path: String, after prefix: String, isRoot: Bool) -> Substring? {
        if isRoot {
            guard isSeparator(path.first) else { return nil }
            return path.drop(while: { isSeparator($0) })
        }
        guard !prefix.isEmpty, path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard rest.isEmpty || isSeparator(rest.first) else { return nil }
        return rest.drop(while: { isSeparator($0) })
    }

    /// `path` without trailing separators (`/` itself becomes empty).
    private static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while isSeparator(path.last) { path = path.dropLast() }
        return String(path)
    }

    /// `\` for a Windows-style path (backslashes and no slash), else `/`.
    private static func separator(of path: String) -> Character {
        path.contains("\\") && !path.contains("/") ? "\\" : "/"
    }

    private static func isSeparator(_ character: Character?) -> Bool { character == "/" || character == "\\" }
}

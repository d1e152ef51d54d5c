import UpshiftCore

/// Counts over a library: what `upshift library scan` prints and the web UI's library page shows.
public struct LibrarySummary: Sendable, Hashable {
    /// Movies.
    public var movies = 0
    /// Movies with Dolby Vision, by profile label (`P5`, `P7`, `P8`, `unknown`).
    public var dvByProfile: [String: Int] = [:]
    /// Profile 7 FEL copies.
    public var fel = 0
    /// Atmos copies.
    public var atmos = 0
    /// Movies by resolution (`2160p`, …, `unknown`).
    public var byResolution: [String: Int] = [:]
    /// Profile 7 copies by layer and how it is known: `FEL file`, `FEL name`, `MEL file`,
    /// `MEL name`, `unknown`.
    public var p7Layers: [String: Int] = [:]

    /// Counts `movies`.
    public init(_ movies: [LibraryMovie]) {
        self.movies = movies.count
        for movie in movies {
            let q = movie.quality
            if q.dv { dvByProfile[q.dvProfile.map { "P\($0.rawValue)" } ?? "unknown", default: 0] += 1 }
            if q.isFEL { fel += 1 }
            if q.dv, q.dvProfile == .p7 {
                let key = q.dvLayer.map { "\($0.rawValue) \(q.dvLayerSource?.rawValue ?? "name")" } ?? "unknown"
                p7Layers[key, default: 0] += 1
            }
            if q.atmos { atmos += 1 }
            byResolution[q.resolution?.rawValue ?? "unknown", default: 0] += 1
        }
    }

    /// Movies with any Dolby Vision.
    public var dv: Int { dvByProfile.values.reduce(0, +) }

    /// One line, e.g. `1234 movies; Dolby Vision 310 (P5 40, P7 120, P8 150); FEL 95; Atmos 400`.
    /// `FEL 96 (80 read from the file, 16 from the name), MEL 20 (20 read from the file), unknown 5`.
    public var p7Line: String {
        var parts: [String] = []
        for layer in ["FEL", "MEL"] {
            let file = p7Layers["\(layer) file"] ?? 0
            let name = p7Layers["\(layer) name"] ?? 0
            guard file + name > 0 else { continue }
            var how: [String] = []
            if file > 0 { how.append("\(file) read from the file") }
            if name > 0 { how.append("\(name) from the name") }
            parts.append("\(layer) \(file + name) (\(how.joined(separator: ", ")))")
        }
        if let unknown = p7Layers["unknown"] { parts.append("unknown \(unknown)") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    public var line: String {
        let profiles = dvByProfile.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(movies) movies; Dolby Vision \(dv)\(profiles.isEmpty ? "" : " (\(profiles))"); FEL \(fel); Atmos \(atmos)"
    }
}

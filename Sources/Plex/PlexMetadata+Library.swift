import Foundation
import UpshiftCore

extension PlexMetadata {
    /// The movie as an Upshift library entry (SPEC §4): id `plex:<ratingKey>`, title, year, the ids from
    /// `Guid[]` (or a legacy agent `guid`), and the best copy's quality and file path (see
    /// ``PlexQualityReader``). Nil when Plex gave no rating key or no title.
    public func libraryMovie() -> LibraryMovie? {
        guard let ratingKey, !ratingKey.isEmpty, let title, !title.isEmpty else { return nil }
        let best = PlexQualityReader.bestCopy(of: media)
        let part = best?.media.parts.first { $0.file != nil }
        return LibraryMovie(
            id: "plex:\(ratingKey)", title: title, year: year.flatMap { $0 > 0 ? $0 : nil }, tmdbId: tmdbId,
            imdbId: imdbId, quality: best?.quality ?? Quality(), filePath: part?.file, partKey: part?.key
        )
    }

    /// The TMDB id from `tmdb://N` (or the legacy `com.plexapp.agents.themoviedb://N?lang=…`).
    public var tmdbId: Int? {
        externalId(schemes: ["tmdb", "com.plexapp.agents.themoviedb"]).flatMap { Int($0) }
    }

    /// The IMDb id from `imdb://tt…` (or the legacy `com.plexapp.agents.imdb://tt…?lang=…`).
    public var imdbId: String? {
        externalId(schemes: ["imdb", "com.plexapp.agents.imdb"]).flatMap { $0.hasPrefix("tt") ? $0 : nil }
    }

    /// The value after `scheme://` in the first `Guid` (then the agent `guid`) with one of these schemes.
    private func externalId(schemes: [String]) -> String? {
        for guid in guids + [guid].compactMap({ $0 }) {
            guard let separator = guid.range(of: "://") else { continue }
            guard schemes.contains(guid[..<separator.lowerBound].lowercased()) else { continue }
            let value = guid[separator.upperBound...].prefix { $0 != "?" && $0 != "/" }
            if !value.isEmpty { return String(value) }
        }
        return nil
    }
}

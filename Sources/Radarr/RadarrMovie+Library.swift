import UpshiftCore

extension RadarrMovie {
    /// The movie as an Upshift library entry (SPEC §4): id `radarr:<id>`, title, year, ids, the file's
    /// path and its current ``Quality`` (see ``RadarrQualityReader``). A movie without a file gets an
    /// empty quality and no path. Nil when Radarr gave no id or no title (a lookup result).
    public func libraryMovie() -> LibraryMovie? {
        guard let id, id > 0, let title, !title.isEmpty else { return nil }
        let file = movieFile
        var quality = file.map(RadarrQualityReader.quality(of:)) ?? Quality()
        if quality.sizeBytes == nil, file != nil { quality.sizeBytes = sizeOnDisk }
        return LibraryMovie(
            id: "radarr:\(id)", title: title, year: year.flatMap { $0 > 0 ? $0 : nil },
            tmdbId: tmdbId.flatMap { $0 > 0 ? $0 : nil },
            imdbId: imdbId.flatMap { $0.isEmpty ? nil : $0 },
            quality: quality, filePath: file.flatMap(filePath(of:))
        )
    }

    /// The file's absolute path, or the folder joined with its relative path.
    private func filePath(of file: RadarrMovieFile) -> String? {
        if let path = file.path, !path.isEmpty { return path }
        guard let folder = path, let relative = file.relativePath, !relative.isEmpty else { return nil }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}

import Radarr
import Testing
import UpshiftSettings

/// Radarr paths to qBittorrent's view, with FELScanner-style Unraid layouts.
@Suite struct PathMapperTests {
    /// Radarr in Docker sees `/movies`; qBittorrent on the host sees Unraid's user share.
    static let unraid = PathMapper(mappings: [PathMapping(from: "/movies/", to: "/mnt/user/Media/Movies/")])

    @Test(arguments: [
        ("/movies/Dune Part Two (2024)", "/mnt/user/Media/Movies/Dune Part Two (2024)"),
        ("/movies/Dune Part Two (2024)/", "/mnt/user/Media/Movies/Dune Part Two (2024)/"),
        ("/movies", "/mnt/user/Media/Movies"),
        ("/movies/", "/mnt/user/Media/Movies/"),
        ("/movies-4k/Dune Part Two (2024)", "/movies-4k/Dune Part Two (2024)"),
        ("/data/movies/Dune", "/data/movies/Dune"),
    ])
    func componentBoundariesAndTrailingSlashes(path: String, expected: String) {
        #expect(Self.unraid.map(path) == expected)
    }

    @Test func longestMatchWinsThenFirst() {
        let mapper = PathMapper(mappings: [
            PathMapping(from: "/mnt/user", to: "/data"),
            PathMapping(from: "/mnt/user/Media/Movies-UHD", to: "/downloads/uhd"),
            PathMapping(from: "/mnt/user/Media/Movies-UHD/", to: "/never"),
        ])
        #expect(mapper.map("/mnt/user/Media/Movies-UHD/Oppenheimer (2023)") == "/downloads/uhd/Oppenheimer (2023)")
        #expect(mapper.map("/mnt/user/Media/Movies/Heat (1995)") == "/data/Media/Movies/Heat (1995)")
        #expect(mapper.map("/mnt/username/x") == "/mnt/username/x")
    }

    @Test func trailingSlashesOnEitherSideAreTolerated() {
        for (from, to) in [
            ("/movies", "/mnt/user/Media/Movies"), ("/movies/", "/mnt/user/Media/Movies/"),
            ("/movies//", "/mnt/user/Media/Movies"),
        ] {
            let mapper = PathMapper(mappings: [PathMapping(from: from, to: to)])
            #expect(mapper.map("/movies/Heat (1995)") == "/mnt/user/Media/Movies/Heat (1995)")
        }
    }

    @Test func rootMappingsAndEmptyFroms() {
        #expect(PathMapper(mappings: [PathMapping(from: "/", to: "/host")]).map("/movies/Heat") == "/host/movies/Heat")
        #expect(PathMapper(mappings: [PathMapping(from: "/data", to: "/")]).map("/data/Heat") == "/Heat")
        #expect(PathMapper(mappings: [PathMapping(from: "", to: "/x")]).map("/movies/Heat") == "/movies/Heat")
    }

    @Test func windowsRadarrToLinuxQBittorrent() {
        let mapper = PathMapper(mappings: [PathMapping(from: "D:\\Movies\\", to: "/mnt/user/Media/Movies")])
        #expect(mapper.map("D:\\Movies\\Heat (1995)") == "/mnt/user/Media/Movies/Heat (1995)")
        #expect(mapper.map("D:\\Movies2\\Heat (1995)") == "D:\\Movies2\\Heat (1995)")
    }

    @Test func radarrRootPathReplacesTheMoviesRootFolder() {
        // FELScanner's settings: radarr_root_path is where Radarr's root folder is seen from qBittorrent.
        let mapper = PathMapper(
            mappings: [], radarrRootPath: "/mnt/user/Media/Movies/", rootFolders: ["/movies", "/movies-4k/"])
        #expect(
            mapper.map("/movies/Dune Part Two (2024)", rootFolderPath: "/movies")
                == "/mnt/user/Media/Movies/Dune Part Two (2024)")
        #expect(mapper.map("/movies-4k/Dune Part Two (2024)") == "/mnt/user/Media/Movies/Dune Part Two (2024)")
        #expect(mapper.map("/movies/Heat (1995)") == "/mnt/user/Media/Movies/Heat (1995)")
        #expect(mapper.map("/elsewhere/Heat (1995)") == "/elsewhere/Heat (1995)")
        // A rootFolderPath that does not hold the path falls back to the root folder list.
        #expect(mapper.map("/movies-4k/X", rootFolderPath: "/movies") == "/mnt/user/Media/Movies/X")
    }

    @Test func mappingsWinOverTheRootPathAndNothingSetIsIdentity() {
        let mapper = PathMapper(
            mappings: [PathMapping(from: "/movies", to: "/data/movies")], radarrRootPath: "/mnt/user/Media/Movies",
            rootFolders: ["/movies", "/other"]
        )
        #expect(mapper.map("/movies/Heat") == "/data/movies/Heat")
        #expect(mapper.map("/other/Heat") == "/other/Heat", "with mappings, radarr_root_path is not used")
        #expect(PathMapper(mappings: [], rootFolders: ["/movies"]).map("/movies/Heat") == "/movies/Heat")
    }

    @Test func fromSettings() throws {
        var settings = Settings()
        settings.radarrRootPath = "/mnt/user/Media/Movies/"
        #expect(
            PathMapper(settings: settings, rootFolders: ["/movies"]).map("/movies/Heat")
                == "/mnt/user/Media/Movies/Heat")
        settings.pathMappings = [PathMapping(from: "/movies", to: "/downloads")]
        #expect(PathMapper(settings: settings, rootFolders: ["/movies"]).map("/movies/Heat") == "/downloads/Heat")
    }
}

import Foundation
import Testing

@testable import UpshiftSettings

/// `media_path_mappings` and `library_probe` (issue 8): read from the file and the environment,
/// checked by key.
@Suite struct ProbeSettingsTests {
    @Test func theProbeKeysAreReadAndDefaultToProbing() async throws {
        #expect(Settings().libraryProbe)
        #expect(Settings().mediaPathMappings.isEmpty)
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(
                #"{"media_path_mappings": [{"from": "/media/movies/", "to": "/mnt/movies/"}], "library_probe": false}"#,
                in: directory)
            let loaded = try SettingsLoader.load(path: path, environment: [:])
            #expect(loaded.settings.mediaPathMappings == [PathMapping(from: "/media/movies/", to: "/mnt/movies/")])
            #expect(!loaded.settings.libraryProbe)
            #expect(loaded.warnings.isEmpty)
            let overridden = try SettingsLoader.load(
                path: path, environment: ["UPSHIFT_MEDIA_PATH_MAPPINGS": "/data/=/srv/data/", "UPSHIFT_LIBRARY_PROBE": "1"])
            #expect(overridden.settings.mediaPathMappings == [PathMapping(from: "/data/", to: "/srv/data/")])
            #expect(overridden.settings.libraryProbe)
        }
    }

    @Test func aBadMappingNamesTheKey() async throws {
        try await withTemporaryDirectory { directory in
            let path = try writeSettings(#"{"media_path_mappings": [{"from": "/media/"}]}"#, in: directory)
            let error = try #require(throws: SettingsError.self) { try SettingsLoader.load(path: path, environment: [:]) }
            #expect(error.description.contains("\"media_path_mappings[0]\" is missing \"to\""))
        }
    }
}

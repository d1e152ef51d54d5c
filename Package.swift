// swift-tools-version: 6.1
import PackageDescription

/// One list for every target: Swift 6 mode plus the two upcoming features STYLE.md asks for,
/// so data races and missing imports fail the build in every target alike.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// What every client target builds on.
let clientDependencies: [Target.Dependency] = [
    "UpshiftCore",
    "UpshiftSettings",
    "HTTPClientSupport",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
]

/// A client's test target: the client plus the loopback test support.
func clientTests(_ name: String) -> Target {
    .testTarget(
        name: "\(name)Tests",
        dependencies: [
            .byName(name: name),
            "UpshiftTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ],
        swiftSettings: swiftSettings
    )
}

let package = Package(
    name: "Upshift",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "upshift", targets: ["upshift"]),
        .executable(name: "upshift-bench", targets: ["upshift-bench"]),
        .library(name: "UpshiftCore", targets: ["UpshiftCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // Pure core: the standard library only (no Foundation). Parser, quality model, matching, rules.
        .target(name: "UpshiftCore", swiftSettings: swiftSettings),
        // Dolby Vision profile and FEL/MEL from a film file's own bytes: the standard library only.
        .target(name: "UpshiftProbe", swiftSettings: swiftSettings),
        // Matroska, MP4 and RPU writers for the probe's tests and benchmark (the standard library only).
        .target(name: "UpshiftProbeFixtures", dependencies: ["UpshiftProbe"], swiftSettings: swiftSettings),
        // settings.json + UPSHIFT_* environment, validation, Secret (Foundation).
        .target(name: "UpshiftSettings", dependencies: ["UpshiftCore"], swiftSettings: swiftSettings),
        // Shared outbound HTTP: deadline, body cap, status → typed error, redaction, request log.
        .target(
            name: "HTTPClientSupport",
            dependencies: [
                "UpshiftCore",
                "UpshiftSettings",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // One client per outside system.
        .target(name: "TorrentFeed", dependencies: clientDependencies, swiftSettings: swiftSettings),
        // SHA-1 of a .torrent's info dictionary comes from swift-crypto (Foundation has none on Linux).
        .target(
            name: "QBittorrent",
            dependencies: clientDependencies + [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Radarr", dependencies: clientDependencies, swiftSettings: swiftSettings),
        .target(name: "Plex", dependencies: clientDependencies, swiftSettings: swiftSettings),
        .target(name: "Telegram", dependencies: clientDependencies, swiftSettings: swiftSettings),
        // The daemon's services: ports (protocols), approval workflow, pollers, tracker. No client, no GRDB.
        .target(
            name: "UpshiftServices",
            dependencies: [
                "UpshiftCore",
                "UpshiftSettings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // SQLite through GRDB: migrations, records, the ApprovalStore.
        .target(
            name: "UpshiftStore",
            dependencies: [
                "UpshiftCore", "UpshiftServices", "UpshiftSettings", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // JSON API (and web UI) on Hummingbird.
        .target(
            name: "UpshiftHTTP",
            dependencies: [
                "UpshiftCore",
                "UpshiftServices",
                "UpshiftSettings",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Loopback servers, log capture and temporary folders for the tests.
        .target(
            name: "UpshiftTestSupport",
            dependencies: [
                "HTTPClientSupport",
                "UpshiftServices",
                "UpshiftSettings",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Test torrents (SHA-1) and the real qbittorrent-nox's password hash (PBKDF2-SHA512).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Commands; the executable only calls into this.
        .target(
            name: "UpshiftCLI",
            dependencies: [
                "UpshiftCore",
                "UpshiftSettings",
                "UpshiftServices",
                "UpshiftStore",
                "UpshiftHTTP",
                "HTTPClientSupport",
                "TorrentFeed",
                "QBittorrent",
                "Radarr",
                "Plex",
                "Telegram",
                "UpshiftProbe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "upshift", dependencies: ["UpshiftCLI"], swiftSettings: swiftSettings),
        // Speed on the pure core and the probe (generated films); `memory` also writes a library with the store
        // and runs `upshift serve`.
        .executableTarget(
            name: "upshift-bench",
            dependencies: ["UpshiftCore", "UpshiftStore", "UpshiftProbe", "UpshiftProbeFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpshiftCoreTests",
            dependencies: ["UpshiftCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "UpshiftSettingsTests", dependencies: ["UpshiftSettings"], swiftSettings: swiftSettings),
        .testTarget(
            name: "UpshiftCLITests", dependencies: ["UpshiftCLI", "UpshiftProbeFixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "UpshiftProbeTests",
            dependencies: ["UpshiftProbe", "UpshiftProbeFixtures"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpshiftStoreTests",
            dependencies: [
                "UpshiftStore", "UpshiftServices", "UpshiftCore", "UpshiftTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpshiftServicesTests",
            dependencies: [
                "UpshiftServices", "UpshiftStore", "UpshiftCore", "UpshiftSettings", "UpshiftTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "UpshiftHTTPTests",
            dependencies: [
                "UpshiftHTTP", "UpshiftServices", "UpshiftStore", "UpshiftCore", "UpshiftSettings", "UpshiftTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                // Raw sockets for the idle-timeout and connection-cap tests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The whole daemon against a real qbittorrent-nox and loopback Plex, Radarr, Telegram and RSS.
        .testTarget(
            name: "UpshiftDaemonTests",
            dependencies: [
                "UpshiftCLI", "UpshiftCore", "UpshiftServices", "UpshiftStore", "UpshiftSettings", "UpshiftTestSupport",
                "QBittorrent",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        clientTests("HTTPClientSupport"),
        clientTests("TorrentFeed"),
        clientTests("QBittorrent"),
        clientTests("Radarr"),
        clientTests("Plex"),
        clientTests("Telegram"),
    ]
)

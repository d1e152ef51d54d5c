// swift-tools-version: 6.1
import PackageDescription

/// One list for every target: Swift 6 mode plus the two upcoming features STYLE.md asks for,
/// so data races and missing imports fail the build in every target alike.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Upshift",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "upshift", targets: ["upshift"]),
        .executable(name: "upshift-bench", targets: ["upshift-bench"]),
        .library(name: "UpshiftCore", targets: ["UpshiftCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Pure core: the standard library only (no Foundation). Parser, quality model, matching, rules.
        .target(name: "UpshiftCore", swiftSettings: swiftSettings),
        // settings.json + UPSHIFT_* environment, validation, Secret (Foundation).
        .target(name: "UpshiftSettings", dependencies: ["UpshiftCore"], swiftSettings: swiftSettings),
        // Commands; the executable only calls into this.
        .target(
            name: "UpshiftCLI",
            dependencies: [
                "UpshiftCore",
                "UpshiftSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "upshift", dependencies: ["UpshiftCLI"], swiftSettings: swiftSettings),
        .executableTarget(name: "upshift-bench", dependencies: ["UpshiftCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "UpshiftCoreTests",
            dependencies: ["UpshiftCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "UpshiftSettingsTests", dependencies: ["UpshiftSettings"], swiftSettings: swiftSettings),
        .testTarget(name: "UpshiftCLITests", dependencies: ["UpshiftCLI"], swiftSettings: swiftSettings),
    ]
)

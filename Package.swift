// swift-tools-version:6.1
import PackageDescription

/// One block of compiler settings for every target, as swift-log and Hummingbird do.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Harbour",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "harbour", targets: ["harbour"]),
        .executable(name: "harbour-bench", targets: ["HarbourBenchmark"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .executable(name: "harbour-projection-bench", targets: ["ProjectionBenchmark"]),
        .executable(name: "harbour-privacy-bench", targets: ["PrivacyBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: Storage
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(
            name: "LMDB",
            dependencies: ["CLMDB"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EventStore",
            dependencies: [
                "LMDB",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Domain
        .target(
            name: "Events",
            path: "Events",
            swiftSettings: strictSettings
        ),
        .target(
            name: "Casework",
            // Crypto: SHA-256 of ballot receipt codes.
            dependencies: ["Events", "EventStore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Privacy",
            // The key database is its own LMDB environment; AES-GCM from swift-crypto.
            dependencies: ["Events", "LMDB", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Projections",
            // ZIPFoundation: the .xlsx export is a zip of SpreadsheetML parts.
            dependencies: ["Events", "EventStore", "LMDB", "Casework", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Projections",
            swiftSettings: strictSettings
        ),

        // MARK: Web
        .target(
            name: "Server",
            dependencies: [
                "Casework",
                "Projections",
                "Events",
                "EventStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "harbour",
            dependencies: [
                "AgencyHistory",
                "Server",
                "EventStore",
                "Events",
                "Casework",
                "Privacy",
                "Projections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Tools
        .executableTarget(
            name: "HarbourBenchmark",
            dependencies: ["EventStore"],
            path: "Tools/Benchmark",
            swiftSettings: strictSettings
        ),
        .target(
            name: "AgencyHistory",
            // Casework: the election's ballots go through BallotDecisions, as the service casts them.
            // Crypto: ballots are sealed under a seeded key, as the service seals them.
            dependencies: ["Events", "EventStore", "Casework", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tools/AgencyHistory",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ProjectionBenchmark",
            dependencies: ["Projections", "AgencyHistory", "EventStore", "Events"],
            path: "Tools/ProjectionBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "PrivacyBenchmark",
            dependencies: ["Privacy", "Projections", "AgencyHistory", "EventStore", "Events"],
            path: "Tools/PrivacyBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "CrashAppender",
            dependencies: ["EventStore"],
            path: "Tools/CrashAppender",
            swiftSettings: strictSettings
        ),

        // MARK: Tests
        .target(
            name: "HarbourTestSupport",
            dependencies: ["EventStore", "Events", "LMDB"],
            path: "Tests/Support",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LMDBTests",
            dependencies: ["LMDB", "HarbourTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server",
                "Privacy",
                "Casework",
                "Events",
                "EventStore",
                "Projections",
                "HarbourTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "Events", "EventStore", "Casework", "LMDB", "HarbourTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "harbourTests",
            dependencies: ["harbour", "AgencyHistory", "Casework", "EventStore", "Events", "Privacy", "HarbourTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PrivacyTests",
            dependencies: ["Privacy", "Casework", "Events", "EventStore", "Projections", "AgencyHistory", "HarbourTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EventsTests",
            dependencies: ["Events"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CaseworkTests",
            dependencies: ["Casework", "Events", "EventStore", "HarbourTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "LMDB", "HarbourTestSupport", "CrashAppender"],
            swiftSettings: strictSettings
        ),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "handout",
    // Regex literals and types in HandoutKit need macOS 13; Linux ignores this.
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "handout", targets: ["handout"]),
        .library(name: "HandoutKit", targets: ["HandoutKit"]),
    ],
    dependencies: [
        // 1.6: three-argument custom completions (Sources/handout/Completions.swift).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // Client lists for `handout packet --clients`: streams rows, RFC 4180 quoting.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // QR codes beside partners' web addresses, drawn as inline SVG (QRCode.swift).
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        .target(
            name: "HandoutKit",
            dependencies: [
                "CCmark",
                "CQRencode",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // Templates/ and Resources/ are compiled in, so an installed binary needs no
            // files beside it (BundledFiles extracts them once into a cache folder).
            plugins: ["EmbedLibrary"]
        ),
        .plugin(name: "EmbedLibrary", capability: .buildTool()),
        .executableTarget(
            name: "handout",
            dependencies: [
                "HandoutKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // scripts/benchmark.sh times the Markdown stage alone with it, beside the cmark command.
        .executableTarget(name: "markdown-bench", dependencies: ["HandoutKit"]),
        // Test data lives in each test target's Fixtures/ and Golden/ folders, excluded whole
        // so that files added there never make SwiftPM warn (PackageLayoutTests holds to it).
        .testTarget(name: "HandoutKitTests", dependencies: ["HandoutKit"], exclude: ["Fixtures"]),
        .testTarget(name: "handoutTests", dependencies: ["handout", "HandoutKit"], exclude: ["Fixtures", "Golden"]),
    ]
)

// swift-tools-version:6.0
// libFuzzer targets for HandoutKit, kept out of the main package's build: build and run
// them with scripts/fuzz.sh, which passes -sanitize=fuzzer,address to every module.
import PackageDescription

let package = Package(
    name: "HandoutFuzz",
    dependencies: [.package(name: "handout", path: "..")],
    targets: [
        .executableTarget(
            name: "HandoutFuzz",
            dependencies: [.product(name: "HandoutKit", package: "handout")]
        ),
    ]
)

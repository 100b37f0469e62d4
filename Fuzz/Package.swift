// swift-tools-version: 6.1
// libFuzzer targets for Kalkyl's parsers and evaluator, apart from the main package so that
// `swift build` and CI stay as they are. Run them with `scripts/fuzz.sh` (it builds with
// `-sanitize=fuzzer` and `-enable-testing`).
import PackageDescription

let package = Package(
    name: "KalkylFuzz",
    dependencies: [
        .package(name: "Kalkyl", path: ".."),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .executableTarget(
            name: "kalkyl-fuzz",
            dependencies: [
                .product(name: "KalkylEngine", package: "Kalkyl"),
                .product(name: "KalkylFormats", package: "Kalkyl"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // libFuzzer brings its own main.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)

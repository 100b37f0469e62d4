// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Kalkyl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kalkyl", targets: ["kalkyl"]),
        .library(name: "KalkylEngine", targets: ["KalkylEngine"]),
        .library(name: "KalkylFormats", targets: ["KalkylFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // Values, references, formula syntax, functions, workbook, dependency graph, recalculation.
        // Knows nothing of files or terminals.
        .target(name: "KalkylEngine"),
        // The .kalk text format, CSV and JSON.
        .target(name: "KalkylFormats", dependencies: ["KalkylEngine", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Bilaga 2 forms: fields, validation, renderers.
        .target(name: "KalkylForms", dependencies: ["KalkylEngine", "KalkylFormats"]),
        // GNU readline, from Debian's libreadline-dev.
        .systemLibrary(name: "CReadline", pkgConfig: nil, providers: [.apt(["libreadline-dev"])]),
        // glibc's malloc: statistics for the benchmark, tuning for the programs.
        .systemLibrary(name: "CMalloc"),
        // The options the command line and the REPL share (export, new), as ArgumentParser types.
        .target(name: "KalkylCommandLine", dependencies: ["KalkylEngine", "KalkylFormats", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The interactive session: commands, display, undo, explain; readline at the edge.
        .target(name: "KalkylREPL", dependencies: ["KalkylEngine", "KalkylFormats", "KalkylForms", "KalkylCommandLine", "CReadline"]),
        // The `kalkyl` command line tool. A release build carries the Swift runtime and Foundation
        // in itself: as shared libraries they took 4 of the 9 ms a script pays per run. Compiling
        // with the flag too makes Foundation's modules name their static libraries (ICU and all).
        .executableTarget(
            name: "kalkyl",
            dependencies: [
                "KalkylEngine", "KalkylFormats", "KalkylForms", "KalkylCommandLine", "KalkylREPL", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // Times the engine on generated workloads: `swift run -c release kalkyl-benchmark`.
        .executableTarget(name: "kalkyl-benchmark", dependencies: ["KalkylEngine", "KalkylFormats", "CMalloc"], path: "Sources/KalkylBenchmarks"),
        // What several test targets share (a seeded random generator, the function corpus).
        .target(name: "KalkylTestSupport", dependencies: ["KalkylEngine"], path: "Tests/KalkylTestSupport"),
        .testTarget(
            name: "KalkylEngineTests",
            dependencies: [
                "KalkylEngine", "KalkylTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Functions/Corpus"]  // the function corpus, which the tests read from disk
        ),
        .testTarget(
            name: "KalkylFormatsTests",
            dependencies: ["KalkylEngine", "KalkylFormats", "KalkylTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["BadInput/Findings"]  // inputs the tests read from disk
        ),
        .testTarget(name: "KalkylFormsTests", dependencies: ["KalkylEngine", "KalkylFormats", "KalkylForms"]),
        .testTarget(name: "KalkylREPLTests", dependencies: ["KalkylEngine", "KalkylFormats", "KalkylForms", "KalkylREPL"]),
        // Runs the built `kalkyl` binary as a user would; depending on it makes `swift test` build it.
        .testTarget(name: "KalkylEndToEndTests", dependencies: ["kalkyl"]),
    ]
)

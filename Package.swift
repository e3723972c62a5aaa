// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // For the fuzz targets in Fuzz/ (a separate package).
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: generated queries for the round-trip and error-location properties.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The language and the data: no terminal I/O, no Foundation (start-up time, see BENCHMARKS).
        .target(name: "DossierCore", exclude: ["Data/Text/generate_unicode_tables.py"]),
        // libedit from Debian: the only code that touches C line editing.
        .systemLibrary(
            name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        // The interactive loop: line reading, prompts, history, completion, pager, signals.
        .target(name: "DossierShell", dependencies: ["DossierCore", "CEditLine"]),
        // `main`: the command line, picks shell or script mode.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DossierShellTests", dependencies: ["DossierShell", "DossierCore"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier"]),
    ],
    swiftLanguageModes: [.v6]
)

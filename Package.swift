// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The language and the data: no terminal I/O, no Foundation (start-up time, see BENCHMARKS).
        .target(name: "DossierCore"),
        // The interactive loop: line reading, prompts, history, completion.
        .target(name: "DossierShell", dependencies: ["DossierCore"]),
        // `main`: the command line, picks shell or script mode.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier"]),
    ],
    swiftLanguageModes: [.v6]
)

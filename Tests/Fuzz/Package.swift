// swift-tools-version:6.0
// libFuzzer targets, kept out of the main package so `swift build` and `swift test` never see
// them. Built and run by `make fuzz` (see TESTING.md).
import PackageDescription

let package = Package(
    name: "DossierFuzz",
    dependencies: [.package(name: "dossier", path: "../..")],
    targets: [
        .executableTarget(name: "FuzzLexer", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzParser", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzQuery", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzCSV", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzJSON", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        // Issue 15: the dialect sniffer with the encodings, the conversions alone, the
        // spreadsheet logic over workbook parts, and SQLite databases from memory.
        .executableTarget(name: "FuzzDialect", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzEncoding", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzXLSX", dependencies: [.product(name: "DossierCore", package: "dossier")]),
        .executableTarget(name: "FuzzSQLite", dependencies: [.product(name: "DossierCore", package: "dossier")]),
    ],
    swiftLanguageModes: [.v6]
)

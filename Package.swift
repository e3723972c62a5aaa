// swift-tools-version:6.0
import PackageDescription

/// The layers of dossier, bottom up: a target may import only targets before it in this list,
/// so a wrong-way import does not compile (see ../shared/ARCHITECTURE.md and the README's
/// "Code layout"; Tests/Architecture/check_layers.py checks the graph below against it).
let layers: [(name: String, dependencies: [String])] = [
    // Leaf types every layer shares: cancellation, files, limits, dates, operators.
    ("DossierSupport", []),
    // Source text, diagnostics and the one renderer.
    ("DossierDiagnostics", ["DossierSupport"]),
    // Values, typed columns, datasets, decimals, Unicode text, regular expressions.
    ("DossierData", ["DossierSupport", "DossierDiagnostics"]),
    // The word table, tokens, lexer, parser, syntax tree, printer.
    ("DossierSyntax", ["DossierSupport", "DossierDiagnostics"]),
    // CSV, TSV, JSON and JSON Lines readers, type inference.
    ("DossierLoad", ["DossierSupport", "DossierDiagnostics", "DossierData"]),
    // The logical plan (engine-free) and the optimizer's rules.
    ("DossierPlan", ["DossierSupport", "DossierDiagnostics", "DossierData"]),
    // The checker: syntax + catalog → logical plan.
    ("DossierSemantics", ["DossierSupport", "DossierDiagnostics", "DossierData", "DossierSyntax", "DossierPlan"]),
    // Physical operators over typed columns.
    ("DossierEngine", ["DossierSupport", "DossierDiagnostics", "DossierData", "DossierPlan"]),
    // The same logical plan compiled to PostgreSQL SQL, and results decoded back to columns.
    ("DossierSQL", ["DossierSupport", "DossierDiagnostics", "DossierData", "DossierPlan"]),
    // The PostgreSQL client: libpq, loaded with dlopen on first connect (no link-time tie).
    ("DossierPostgres", ["DossierSupport", "DossierDiagnostics"]),
    // Table, CSV, JSON, Markdown and chart formatters.
    ("DossierOutput", ["DossierSupport", "DossierData"]),
    // Statements against a catalog: scripts, explain, cite, describe, help.
    ("DossierSession", ["DossierSupport", "DossierDiagnostics", "DossierData", "DossierSyntax", "DossierLoad", "DossierPlan",
        "DossierSemantics", "DossierEngine", "DossierSQL", "DossierPostgres", "DossierOutput"]),
    // What Tab offers, from the parser's partial parse and the session's catalog.
    ("DossierCompletion", ["DossierSupport", "DossierDiagnostics", "DossierData", "DossierSyntax", "DossierLoad", "DossierPlan",
        "DossierSemantics", "DossierEngine", "DossierOutput", "DossierSession"]),
]

/// Every layer the core test target reaches into.
let coreLayers = layers.map { Target.Dependency(stringLiteral: $0.name) }

let package = Package(
    name: "dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        // For the fuzz targets in Tests/Fuzz (a separate package).
        .library(name: "DossierCore", targets: layers.map(\.name)),
        // ZIP archives (.xlsx workbooks), opened with dlopen by DossierLoad's ZipArchive on first
        // use: ZIPFoundation brings Foundation, which would double every start-up if linked.
        .library(name: "DossierZip", type: .dynamic, targets: ["DossierZip"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The ZIP container of .xlsx workbooks, in libDossierZip.so only (see DossierZip).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Tests only: generated queries for the round-trip and error-location properties.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: layers.map { layer in
        .target(
            name: layer.name, dependencies: layer.dependencies.map { Target.Dependency(stringLiteral: $0) },
            exclude: layer.name == "DossierData" ? ["Text/generate_unicode_tables.py"] : [])
    } + [
        // Two C functions over ZIPFoundation: list a ZIP archive, read one entry. Imports no
        // dossier module, so no Swift type crosses between it and the binary that opens it.
        .target(name: "DossierZip", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // libedit from Debian: the only code that touches C line editing.
        .systemLibrary(
            name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        // The interactive loop: line reading, prompts, history, completion, pager, signals.
        .target(
            name: "DossierShell",
            dependencies: ["CEditLine", "DossierSupport", "DossierDiagnostics", "DossierOutput", "DossierSession", "DossierCompletion"]),
        // `main`: the command line, picks shell or script mode.
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierSupport", "DossierDiagnostics", "DossierOutput", "DossierLoad", "DossierSession", "DossierCompletion",
                "DossierShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: coreLayers + [.product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DossierShellTests", dependencies: ["DossierShell", "DossierSession", "DossierSupport", "DossierDiagnostics"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier"]),
    ],
    swiftLanguageModes: [.v6]
)

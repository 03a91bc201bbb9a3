// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for DossierKit; see docs/fuzzing.md. Not part of the main package: `scripts/fuzz` builds this
// one into `.build-fuzz/` with `-sanitize=fuzzer,address`, so `swift build` / `swift test` at the root never see it.
//
// To add a target: write `Fuzzing/Sources/NAME/FuzzTarget.swift` (an `LLVMFuzzerTestOneInput`, see the others) and add
// NAME below. `scripts/fuzz` finds the targets in this list.
let fuzzTargets = [
    "front-matter",
    "dossier-pipeline",
    "site-config",
    "markdown",
    "preview-request",
]

let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "dossier", path: ".."),
    ],
    targets: fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "DossierKit", package: "dossier")],
            // libFuzzer supplies `main`; the Swift file only declares the entry point.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    } + [
        // Checks several targets share.
        .target(name: "FuzzSupport", dependencies: [.product(name: "DossierKit", package: "dossier")]),
    ]
)

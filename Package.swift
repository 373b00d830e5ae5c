// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Townhall",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "townhall", targets: ["townhall"]),
        // The benchmark corpus generator (`make bench`); not installed with Townhall.
        .executable(name: "townhall-corpus", targets: ["townhall-corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "TownhallDiagnostics"),
        // A per-thread bump allocator that libcmark's documents are parsed into.
        .target(name: "CmarkArena"),
        // The scan of every output byte for control characters, in C the compiler vectorises.
        .target(name: "ByteScan"),
        .target(name: "TownhallMarkdown", dependencies: ["Ccmark", "CmarkArena"]),
        .target(name: "TownhallCharts"),
        .target(name: "TownhallTemplates"),
        .target(
            name: "TownhallContent",
            dependencies: ["TownhallDiagnostics", "TownhallMarkdown", "Yams"]
        ),
        .target(
            name: "TownhallData",
            dependencies: ["TownhallDiagnostics", "TownhallContent", "Yams"]
        ),
        .target(name: "TownhallStats", dependencies: ["TownhallContent", "TownhallData"]),
        .target(
            name: "TownhallFigures",
            dependencies: ["TownhallContent", "TownhallData", "TownhallStats", "TownhallCharts"]
        ),
        .target(
            name: "TownhallRender",
            dependencies: [
                "TownhallDiagnostics", "TownhallContent", "TownhallData", "TownhallMarkdown", "TownhallFigures",
                "TownhallTemplates",
            ]
        ),
        .target(
            name: "TownhallBuild",
            dependencies: [
                "TownhallDiagnostics", "TownhallMarkdown", "TownhallContent", "TownhallData", "TownhallStats", "TownhallFigures", "TownhallRender",
                "ByteScan",
            ]
        ),
        .target(
            name: "TownhallScaffold",
            dependencies: [
                "TownhallDiagnostics", "TownhallContent",
                "TownhallTemplates",
            ]
        ),
        .target(
            name: "TownhallServer",
            dependencies: [
                "TownhallDiagnostics", "TownhallMarkdown", "TownhallBuild",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "TownhallCLI",
            dependencies: [
                "TownhallDiagnostics", "TownhallContent", "TownhallData", "TownhallStats", "TownhallFigures", "TownhallBuild", "TownhallServer", "TownhallScaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // gperftools' tcmalloc in place of glibc's malloc: a build makes and drops a page's
        // worth of strings, arrays and dictionaries on every core, and glibc's allocator was
        // 15 % of its CPU. tcmalloc cut a 10,000-page build's CPU by 11 % (jemalloc by 6 %),
        // peak memory +3 % (bench/README.md). Linked by its soname, which Debian's small
        // libtcmalloc-minimal4 ships; the `.so` link name is only in libgoogle-perftools-dev,
        // which pulls in the profiler and libunwind.
        .executableTarget(
            name: "townhall", dependencies: ["TownhallCLI"],
            linkerSettings: [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]
        ),
        // Fuzz targets: libFuzzer under `make fuzz`, a replay of the seed corpus otherwise.
        .executableTarget(
            name: "townhall-fuzz",
            dependencies: ["TownhallDiagnostics", "TownhallMarkdown", "TownhallContent", "TownhallData", "TownhallServer", "TownhallTemplates"]
        ),
        .target(
            name: "TownhallCorpus",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "townhall-corpus", dependencies: ["TownhallCorpus"]),
        .testTarget(name: "TownhallMarkdownTests", dependencies: ["TownhallMarkdown", "CmarkArena"]),
        .testTarget(name: "TownhallTemplatesTests", dependencies: ["TownhallTemplates"]),
        .testTarget(name: "TownhallServerTests", dependencies: ["TownhallServer", "townhall"]),
        .testTarget(name: "TownhallChartsTests", dependencies: ["TownhallCharts"]),
        .testTarget(name: "TownhallContentTests", dependencies: ["TownhallContent", "TownhallDiagnostics"]),
        .testTarget(name: "TownhallStatsTests", dependencies: ["TownhallStats", "TownhallFigures", "TownhallData", "TownhallContent", "TownhallCharts"]),
        .testTarget(name: "TownhallDataTests", dependencies: ["TownhallData", "TownhallContent", "TownhallDiagnostics"]),
        .testTarget(
            name: "TownhallBuildTests",
            // The CLI tests run the real `townhall` binary, so it is built with the tests.
            dependencies: ["TownhallBuild", "TownhallContent", "TownhallData", "TownhallDiagnostics", "TownhallCorpus", "TownhallRender", "townhall"]
        ),
    ]
)

// Release builds optimise across the package's modules, as if they were one: pages, contexts
// and templates are small types used from other modules, where every field read and
// constructor was otherwise a call (bench/README.md, sixth pass).
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}

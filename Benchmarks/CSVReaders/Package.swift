// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "csvbench",
    dependencies: [
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .target(name: "TownhallDiagnostics"),
        .target(name: "MiniData", dependencies: ["TownhallDiagnostics"]),
        .target(name: "Yaslab", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
        .executableTarget(name: "Bench", dependencies: [
            "MiniData", "TownhallDiagnostics", "Yaslab",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
    ]
)

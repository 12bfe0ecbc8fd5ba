// swift-tools-version: 6.0
import PackageDescription

// The benchmarks of Carnet: a separate package, so that building or testing the main package
// builds nothing of it. It depends on the main package by path and uses its `Carnet` library.
let package = Package(
  name: "CarnetBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Carnet", path: "..")
  ],
  targets: [
    // Linked as the main package links `carnet` (statically on Linux, in release): it stands in
    // for `carnet render`, so it starts as fast and as small.
    .executableTarget(
      name: "carnet-bench",
      dependencies: [.product(name: "Carnet", package: "Carnet")],
      swiftSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ],
      linkerSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)

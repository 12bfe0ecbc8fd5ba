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
    .executableTarget(
      name: "carnet-bench",
      dependencies: [.product(name: "Carnet", package: "Carnet")]
    )
  ],
  swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Carnet",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "carnet", targets: ["carnet"]),
    .library(name: "Carnet", targets: ["Carnet"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(name: "Carnet", dependencies: ["CCmark"]),
    .target(name: "Lessons", dependencies: ["Carnet"]),
    .executableTarget(
      name: "carnet",
      dependencies: [
        "Carnet", "Lessons",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "CarnetTests", dependencies: ["Carnet"]),
    .testTarget(name: "LessonsTests", dependencies: ["Carnet", "Lessons"]),
    .testTarget(name: "carnetTests", dependencies: ["carnet"]),
  ],
  swiftLanguageModes: [.v6]
)

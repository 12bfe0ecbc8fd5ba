// swift-tools-version: 6.1
import PackageDescription

/// A release executable on Linux links the Swift runtime and Foundation statically (as `swift
/// build --static-swift-stdlib` does: its main module is compiled against the static resources).
let staticStandardLibrary = SwiftSetting.unsafeFlags(
  ["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
let staticLinking = LinkerSetting.unsafeFlags(
  ["-static-stdlib"], .when(platforms: [.linux], configuration: .release))

let package = Package(
  name: "Carnet",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "carnet", targets: ["CarnetCLI"]),
    .library(
      name: "Carnet", targets: ["Carnet", "CarnetRendering", "CarnetRuntime", "CarnetDocument"]),
    .library(name: "CarnetCommands", targets: ["CarnetCommands"]),
    .plugin(name: "TangleLessons", targets: ["TangleLessons"]),
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
    // Parse: Markdown (cmark), lessons and their cells, diagnostics, and the tangled Swift.
    .target(name: "CarnetDocument", dependencies: ["CCmark"]),
    // One call Swift cannot make itself (prctl is variadic), for the workers' clean-up.
    .target(name: "CProcessControl"),
    // Run: the compiled lessons, the event loop and clock, the worker process.
    .target(name: "CarnetRuntime", dependencies: ["CarnetDocument", "CProcessControl"]),
    // Render: a run lesson as Markdown, HTML (with timelines) and Jupyter notebooks; books.
    .target(name: "CarnetRendering", dependencies: ["CarnetRuntime", "CarnetDocument"]),
    // The pipeline: lesson files in, rendered files written or compared, one verdict.
    .target(
      name: "Carnet", dependencies: ["CarnetRendering", "CarnetRuntime", "CarnetDocument"]),
    // The build plugin that compiles the lessons' cells, and the tool it runs.
    .executableTarget(name: "CarnetTangle", dependencies: ["CarnetDocument"]),
    .plugin(
      name: "TangleLessons", capability: .buildTool(), dependencies: ["CarnetTangle"],
      path: "Sources/TangleLessons"),
    // The lessons of Notebooks/ (and the test fixtures of Fixtures/), compiled by the plugin.
    // Cells are small and run on a simulated clock: optimizing them would only slow the author's
    // loop (a release build after a cell edit: 4.7 s with -O, 3.2 s with -Onone, 2 cores).
    .target(
      name: "Lessons", dependencies: ["CarnetRuntime", "CarnetDocument"],
      swiftSettings: [.unsafeFlags(["-Onone"], .when(configuration: .release))],
      plugins: ["TangleLessons"]),
    // The command line (render, check, list...), for any executable that compiles lessons.
    .target(
      name: "CarnetCommands",
      dependencies: [
        "Carnet", "CarnetRendering", "CarnetRuntime", "CarnetDocument",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // This package's `carnet`: the command line with the lessons of Notebooks/. A release build
    // links the Swift runtime and Foundation statically on Linux: `carnet render` of the seed
    // lesson starts two processes (carnet and its cell worker), and a dynamically linked start
    // spends ~7 ms binding Foundation's symbols (seed lesson: 36 ms dynamic, 22 ms static).
    .executableTarget(
      name: "CarnetCLI", dependencies: ["CarnetCommands", "Lessons"],
      swiftSettings: [staticStandardLibrary], linkerSettings: [staticLinking]),
    .testTarget(name: "CarnetDocumentTests", dependencies: ["CarnetDocument"]),
    // Helpers for the tests that run cells (not a product).
    .target(
      name: "CarnetTestSupport", dependencies: ["CarnetRuntime", "CarnetDocument"],
      path: "Tests/Support"),
    .testTarget(
      name: "CarnetRuntimeTests",
      dependencies: ["CarnetRuntime", "CarnetDocument", "CarnetTestSupport"]),
    .testTarget(
      name: "CarnetRenderingTests",
      dependencies: ["CarnetRendering", "CarnetRuntime", "CarnetDocument", "CarnetTestSupport"]),
    .testTarget(
      name: "CarnetTests",
      dependencies: ["Carnet", "CarnetRendering", "CarnetRuntime", "CarnetDocument"]),
    .testTarget(
      name: "LessonsTests",
      dependencies: ["Carnet", "CarnetRendering", "CarnetRuntime", "CarnetDocument", "Lessons"]),
    .testTarget(name: "CarnetCLITests", dependencies: ["CarnetCLI"]),
  ],
  swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
import PackageDescription

// Carnet's hand-written Swift lexer against swift-syntax's classification: a separate package,
// so that building or testing the main package builds nothing of it, swift-syntax least of all.
// `HandLexer` compiles the main package's own lexer files (symbolic links to
// `Sources/CarnetDocument/Swift/`), so the comparison always measures the lexer as it is.
// See `run.sh`, which writes `Benchmarks/HIGHLIGHTER.md`.
let package = Package(
  name: "CarnetHighlighterComparison",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0")
  ],
  targets: [
    .target(name: "HandLexer"),
    .executableTarget(
      name: "highlighter-compare",
      dependencies: [
        "HandLexer",
        .product(name: "SwiftSyntax", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)

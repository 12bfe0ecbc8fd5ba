import Foundation

/// Runs the built `carnet` executable, as a user would, and captures what it says.
struct CarnetBinary {
  /// What one invocation produced.
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The `carnet` executable next to the test bundle, in the build's products folder.
  static let url: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("carnet")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
      .map { $0.appendingPathComponent("carnet") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? URL(fileURLWithPath: "carnet")
  }()

  /// Runs `carnet` with `arguments` in `directory` (or `executable`, with `prefix` before the
  /// arguments).
  static func run(
    _ arguments: [String], in directory: URL, executable: URL = url, prefix: [String] = []
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = prefix + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}

/// Files of this package's source tree, which the tests copy into their scratch folders.
enum PackageFiles {
  /// The package's root folder (this file is `Tests/CarnetCLITests/CarnetBinary.swift`).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The folder of the fixture lessons, which the build compiles into `carnet` like the
  /// lessons of `Notebooks/`.
  static let fixtures = "Sources/Lessons/Fixtures/"

  /// The bytes of `path`, relative to the package's root.
  static func data(_ path: String) throws -> Data {
    try Data(contentsOf: root.appendingPathComponent(path))
  }

  /// The text of `path`, relative to the package's root.
  static func text(_ path: String) throws -> String {
    String(decoding: try data(path), as: UTF8.self)
  }

  /// The number (from 1) of the first line of `text` that is exactly `line`, if any.
  static func lineNumber(of line: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0 == line }.map { $0 + 1 }
  }
}

/// A temporary folder with a `Notebooks/` lesson, removed at the end of the test.
final class Scratch {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` to `path` (relative to the folder).
  func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: url.appendingPathComponent(path))
  }

  /// Copies the package's file `packagePath` byte for byte to `path` (relative to the folder).
  func copy(_ packagePath: String, to path: String) throws {
    try PackageFiles.data(packagePath).write(to: url.appendingPathComponent(path))
  }

  /// Copies the fixture lesson `name` (in `Sources/Lessons/Fixtures/`) byte for byte to `path`.
  func copyFixture(_ name: String, to path: String) throws {
    try copy(PackageFiles.fixtures + name, to: path)
  }

  /// Whether `path` exists (as a file or a folder).
  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
  }

  /// The names in the folder `path`, sorted.
  func contents(of path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(path).path)
      .sorted()
  }

  /// Writes raw bytes to `path`.
  func write(bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: url.appendingPathComponent(path))
  }

  /// The text of `path`, or nil when it does not exist.
  func read(_ path: String) -> String? {
    try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }
}

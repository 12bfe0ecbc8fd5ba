import CarnetDocument
import Foundation

/// Checks the cells marked `expect=compile-error` as the build would compile them: each on its
/// own, with the lesson's shared blocks, in Swift 6 language mode, in a module of the lessons'
/// name, beside the target's own Swift files (the routing of `print`, `Task.sleep` and random
/// numbers) and stand-ins for the few parts of Carnet those use. The compiler runs up to its
/// SIL diagnostics (`-emit-sil`), where Swift 6 reports data races. Results are cached by the
/// compiler's identity and every text it reads, so that an unchanged cell is not checked again.
struct CompileChecker {
  let arguments: TangleArguments
  /// The compiler's path and what its `-version` prints; nil when there is no compiler.
  private let compiler: (path: String, version: String)?
  /// The cache entries this run used; the others are removed by `pruneCache()`.
  private var usedKeys: Set<String> = []

  init(arguments: TangleArguments) {
    self.arguments = arguments
    let path = arguments.swiftc ?? Self.onPath("swiftc")
    if let path, FileManager.default.isExecutableFile(atPath: path) {
      compiler = (path, (try? Self.capture(path, ["-version"]))?.output ?? "")
    } else {
      compiler = nil
    }
  }

  /// Stand-ins for the parts of Carnet the target's support files use: enough to type-check
  /// them without the Carnet module. If the support files come to use more of Carnet, the check
  /// reports an error outside the lesson, which fails the build with a clear message.
  static let carnetStandIns = """
    // Stand-ins for the parts of Carnet used by the routing of print, sleep and random numbers.
    final class CellContext: Sendable {
      static var current: CellContext? { nil }
      var loop: CellLoopStandIn { CellLoopStandIn() }
      func write(_ text: String) {}
      static func writeOutsideCells(_ text: String) {}
    }
    struct CellLoopStandIn: Sendable {
      func sleep(for duration: Duration) async throws {}
    }
    struct CellRandomNumberGenerator: RandomNumberGenerator {
      mutating func next() -> UInt64 { 0 }
    }

    """

  /// The check of every `expect=compile-error` cell of `notebook`, by cell ID.
  mutating func checks(of notebook: Notebook, sourcePath: String) throws(InputError)
    -> [String: CompileCheck]
  {
    var checks: [String: CompileCheck] = [:]
    for cell in LessonTangle.cellsToCheck(in: notebook) {
      let place = { (message: String) in
        InputError(Diagnostic(path: sourcePath, location: cell.location, message: message))
      }
      guard let compiler else {
        throw place("cannot check cell '\(cell.id)' (expect=compile-error): swiftc not found")
      }
      var files = support
      files.append(("CellRouting.swift", Self.withoutCarnetImport(LessonTangle.routingSource)))
      files.append(("CarnetStandIns.swift", Self.carnetStandIns))
      files.append(
        (
          "Checked.swift",
          LessonTangle.checkSource(ofCell: cell, in: notebook, sourcePath: sourcePath)
        ))
      let result: (output: String, failed: Bool, folder: String)
      do {
        result = try run(compiler, on: files)
      } catch {
        throw place("cannot check cell '\(cell.id)' (expect=compile-error): \(error)")
      }
      // The compiler names the check's temporary files by their full path: keep the file names.
      let firstError =
        result.output.split(separator: "\n").first { $0.contains("error: ") }
        .map { String($0).replacingOccurrences(of: result.folder + "/", with: "") } ?? "no message"
      guard
        let check = CompileCheck.read(
          compilerOutput: result.output, lessonPath: sourcePath,
          lines: LessonTangle.codeLines(of: cell))
      else {
        throw place(
          "cannot check cell '\(cell.id)': the compiler reported an error outside the lesson,"
            + " in Carnet's support code (\(firstError))")
      }
      // The compiler failed, but not because of the cell: a shared block, or the compiler.
      if result.failed && check.compiles {
        throw place("cannot check cell '\(cell.id)': the compiler failed (\(firstError))")
      }
      checks[cell.id] = check
    }
    return checks
  }

  /// The target's own Swift files, without their `import CarnetRuntime` (the stand-ins replace it).
  private var support: [(name: String, text: String)] {
    arguments.support.compactMap { path in
      guard let data = FileManager.default.contents(atPath: path) else { return nil }
      let text = Self.withoutCarnetImport(String(decoding: data, as: UTF8.self))
      return ("Support-" + (path as NSString).lastPathComponent, text)
    }
  }

  /// `text` without its `import CarnetRuntime` lines.
  private static func withoutCarnetImport(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0 == "import CarnetRuntime" ? "" : $0 }.joined(separator: "\n")
  }

  /// What the compiler prints about `files`, and whether it failed; from the cache when it has
  /// already seen them.
  private mutating func run(
    _ compiler: (path: String, version: String), on files: [(name: String, text: String)]
  )
    throws -> (output: String, failed: Bool, folder: String)
  {
    let flags = Self.flags(module: arguments.module)
    let key = Fingerprint.hex(
      of: ([compiler.path, compiler.version] + flags + files.map { $0.name + "\n" + $0.text })
        .joined(separator: "\u{0}"))
    usedKeys.insert(key)
    let cache = arguments.cache ?? NSTemporaryDirectory()
    let cached = (cache as NSString).appendingPathComponent(key + ".diagnostics")
    let folder = (cache as NSString).appendingPathComponent("check-" + key)
    if let data = FileManager.default.contents(atPath: cached) {
      let text = String(decoding: data, as: UTF8.self)
      return (String(text.drop { $0 != "\n" }.dropFirst()), text.hasPrefix("failed\n"), folder)
    }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var paths: [String] = []
    for file in files {
      let path = (folder as NSString).appendingPathComponent(file.name)
      try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
      paths.append(path)
    }
    let (output, status) = try Self.capture(compiler.path, flags + paths)
    let failed = status != 0
    let record = (failed ? "failed\n" : "passed\n") + output
    try Data(record.utf8).write(to: URL(fileURLWithPath: cached), options: .atomic)
    return (output, failed, folder)
  }

  /// Removes the cached checks this run did not use (cells since edited or removed), so that
  /// the cache does not grow with every edit. Call it once every lesson has been checked.
  func pruneCache() {
    guard let cache = arguments.cache,
      let names = try? FileManager.default.contentsOfDirectory(atPath: cache)
    else { return }
    for name in names where name.hasSuffix(".diagnostics") {
      guard !usedKeys.contains(String(name.dropLast(".diagnostics".count))) else { continue }
      try? FileManager.default.removeItem(atPath: (cache as NSString).appendingPathComponent(name))
    }
  }

  /// The compiler's options: one whole-module SIL pass (type checking, then the diagnostics of
  /// SIL, where data races are found), in Swift 6 mode, one diagnostic per line.
  private static func flags(module: String) -> [String] {
    [
      "-emit-sil", "-wmo", "-o", "/dev/null", "-swift-version", "6", "-module-name", module,
      "-diagnostic-style", "llvm", "-no-color-diagnostics",
    ]
  }

  /// Runs `executable` and returns what it printed on both streams, and its exit status.
  private static func capture(_ executable: String, _ arguments: [String]) throws
    -> (output: String, status: Int32)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  /// The first executable called `name` in the folders of `PATH`.
  private static func onPath(_ name: String) -> String? {
    let folders = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":") ?? []
    return folders.map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}

import Foundation
import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRuntime

/// Loading lessons that cmark cannot parse in reasonable time: cmark 0.30 is quadratic on runs of
/// image openers `![`, so the loader bounds the parse, and refuses a lesson the binary does not
/// compile before parsing it at all.
@Suite("Workspace: LessonLoader")
struct WorkspaceLessonLoaderTests {
  /// A fresh directory holding `images.md`: a title, then `openers` times `![[]()` in one
  /// paragraph. Removed by the caller.
  private func pathologicalLesson(openers: Int) throws -> (directory: String, file: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-loader-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    let file = directory + "/images.md"
    try ("# Images\n\n" + String(repeating: "![[]()", count: openers) + "\n")
      .write(toFile: file, atomically: false, encoding: .utf8)
    return (directory, file)
  }

  @Test func aLessonCmarkCannotParseInTimeIsRefusedAndTheOthersStillLoad() throws {
    let (directory, file) = try pathologicalLesson(openers: 30_000)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let other = directory + "/autre.md"
    try "# Autre\n".write(toFile: other, atomically: false, encoding: .utf8)
    let registry = LessonRegistry([
      CompiledLesson(name: "images", sourcePath: file, fingerprint: "", cells: []),
      CompiledLesson(
        name: "autre", sourcePath: other,
        fingerprint: LessonTangle.fingerprint(
          of: try NotebookParser.parse(text: "# Autre\n", path: other), sourcePath: other),
        cells: []),
    ])
    var loader = LessonLoader(registry: registry, outputDirectory: directory + "/Output")
    loader.parseTimeLimit = .milliseconds(100)
    let loaded = loader.load(paths: [file, other])
    #expect(loaded.lessons.map(\.notebook.name) == ["autre"])
    #expect(loaded.refusals.count == 1)
    #expect(
      loaded.refusals.first?.description.hasPrefix(
        "\(file): error: cmark could not parse this lesson within 0.1 s: it holds 30000 image"
          + " openers '![' (the first on line 3)") == true)
  }

  @Test func aLessonTheBinaryDoesNotCompileIsRefusedBeforeItIsParsed() throws {
    // 160,000 openers would take cmark minutes: the refusal must not wait for the parse.
    let (directory, file) = try pathologicalLesson(openers: 160_000)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loader = LessonLoader(registry: LessonRegistry([]), outputDirectory: directory)
    let clock = ContinuousClock()
    let start = clock.now
    let loaded = loader.load(paths: [file])
    #expect(clock.now - start < .seconds(5))
    #expect(loaded.lessons.isEmpty)
    #expect(
      loaded.refusals.map(\.description) == [
        "\(file): error: lesson 'images' is not compiled into this carnet; put it in Notebooks/"
          + " and run 'swift run carnet render' (which builds it first)"
      ])
  }

  @Test func bytesThatAreNotALessonAreRefusedBeforeTheRegistryIsAsked() throws {
    let (directory, _) = try pathologicalLesson(openers: 1)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/image.md"
    try Data([0x89, 0x50, 0x00]).write(to: URL(fileURLWithPath: file))
    let loaded = LessonLoader(registry: LessonRegistry([]), outputDirectory: directory)
      .load(paths: [file])
    #expect(
      loaded.refusals.map(\.description) == ["\(file):1: error: binary file (NUL byte at offset 2)"]
    )
  }

  /// A fresh directory holding `NAME.md` with `bytes`, and a registry compiling it as it is
  /// (when it parses). Removed by the caller.
  private func compiledLesson(_ name: String, bytes: [UInt8]) throws
    -> (directory: String, file: String, registry: LessonRegistry)
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-loader-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    let file = directory + "/\(name).md"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let notebook = try? NotebookParser.parse(bytes: bytes, path: file)
    let registry = LessonRegistry([
      CompiledLesson(
        name: name, sourcePath: file,
        fingerprint: notebook.map { LessonTangle.fingerprint(of: $0, sourcePath: file) } ?? "",
        cells: (notebook?.cells ?? []).map { CompiledCell($0.id) {} })
    ])
    return (directory, file, registry)
  }

  @Test func aCompiledLessonWithBadBytesIsRefusedForThem() throws {
    let bytes = Array("# A\n\n```swift cell=a\nprint(1)\n```\n".utf8) + [0xFF] + Array("\n".utf8)
    let (directory, file, registry) = try compiledLesson("bad", bytes: bytes)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loaded = LessonLoader(registry: registry, outputDirectory: directory + "/Output")
      .load(paths: [file])
    #expect(loaded.lessons.isEmpty)
    #expect(
      loaded.refusals.map(\.description) == [
        "\(file):6: error: not valid UTF-8 (first bad byte at offset \(bytes.count - 2))"
      ])
  }

  /// A lesson with `cells` cells, every third one starting an unstructured task, and a shared
  /// block reading the real clock after the first cell.
  private func lintedLesson(cells: Int) -> [UInt8] {
    var text = "# Lint\n\n"
    for index in 0..<cells {
      text += "```swift cell=c\(index)\n"
      text += index % 3 == 0 ? "Task { print(\(index)) }\n" : "print(\(index))\n"
      text += "```\n\n"
      if index == 0 { text += "```swift cell=start shared=true\nlet start = Date()\n```\n\n" }
    }
    return Array(text.utf8)
  }

  @Test(arguments: [2, 150])
  func aLessonIsLintedInDocumentOrder(cells: Int) throws {
    let bytes = lintedLesson(cells: cells)
    let (directory, file, registry) = try compiledLesson("lint", bytes: bytes)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let loaded = LessonLoader(registry: registry, outputDirectory: directory + "/Output")
      .load(paths: [file])
    #expect(loaded.refusals.isEmpty)
    let lesson = try #require(loaded.lessons.first)
    let lines = lesson.warnings.compactMap(\.location?.line)
    #expect(lesson.warnings.count == (cells + 2) / 3 + 1)
    #expect(lines == lines.sorted())
    #expect(lesson.warnings.first?.message.hasPrefix("cell 'c0': 'Task {'") == true)
    #expect(lesson.warnings.dropFirst().first?.message.contains("'Date()'") == true)
    let parsed = try NotebookParser.parse(bytes: bytes, path: file)
    #expect(lesson.warnings == NondeterminismLint.warnings(in: parsed))
  }
}

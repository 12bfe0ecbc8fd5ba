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
        "\(file): error: cmark could not parse this lesson within 100 ms: it holds 30000 image"
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
}

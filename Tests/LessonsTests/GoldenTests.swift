import Carnet
import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation
import Lessons
import Testing

/// The golden-file test: every lesson in `Notebooks/` renders exactly to its file in `Output/`.
@Suite struct GoldenTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static let loader = LessonLoader(
    registry: LessonCatalog.registry, outputDirectory: root + "/Output")

  static func lessons() throws -> [Lesson] {
    try book().lessons
  }

  /// `Notebooks/` as `carnet render` publishes it: a book, in the order of its `contents.txt`.
  static func book() throws -> LessonBook {
    let loaded = loader.load(paths: [root + "/Notebooks"])
    try #require(loaded.refusals.isEmpty, "\(loaded.refusals.map(\.description))")
    return try #require(
      try LessonBook.of(
        paths: [root + "/Notebooks"], lessons: loaded.lessons, outputDirectory: root + "/Output",
        options: HTMLOptions()))
  }

  /// Every file `carnet render` writes for the book: each lesson's, with its page's links, then
  /// the contents pages.
  static func renderedFiles(formats: [OutputFormat]) throws -> (
    files: [RenderedFile], failures: [Diagnostic]
  ) {
    let book = try book()
    var files: [RenderedFile] = []
    var failures: [Diagnostic] = []
    for (index, lesson) in book.lessons.enumerated() {
      let run = NotebookRunner().run(lesson.notebook, cells: lesson.cells)
      failures += run.failures
      files += run.renderedFiles(
        for: lesson, formats: formats,
        htmlOptions: HTMLOptions(navigation: book.navigation(at: index)))
    }
    return (files + book.files(formats: formats), failures)
  }

  /// The formats committed in `Output/`. `ipynb` joins when the command line writes its files
  /// there; until then it is checked for determinism only (`renderingTwiceGivesIdenticalBytes`).
  static let committedFormats: [OutputFormat] = [.markdown, .html]

  @Test func everyLessonMatchesItsCommittedOutput() throws {
    let record = RecordMode.from(environment: ProcessInfo.processInfo.environment)
    let rendered = try Self.renderedFiles(formats: Self.committedFormats)
    #expect(
      rendered.failures.isEmpty, "\(rendered.failures.map(\.description).joined(separator: "\n"))")
    for file in rendered.files {
      let golden = try? String(contentsOfFile: file.path, encoding: .utf8)
      let verdict = GoldenComparison.compare(
        expected: golden, actual: file.text, goldenPath: file.path)
      guard verdict != .match else { continue }
      if record == .all {
        try AtomicFile.write(file.text, to: file.path)
        Issue.record("recorded \(file.path); run the tests again without CARNET_RECORD")
      } else {
        Issue.record(
          "\(verdict.message)\nTo accept: swift run carnet render (or CARNET_RECORD=1 swift test)")
      }
    }
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let runner = NotebookRunner()
    for lesson in try Self.lessons() {
      let first = runner.run(lesson.notebook, cells: lesson.cells)
      let second = runner.run(lesson.notebook, cells: lesson.cells)
      let formats = OutputFormat.allCases
      #expect(
        first.renderedFiles(for: lesson, formats: formats)
          == second.renderedFiles(for: lesson, formats: formats))
    }
  }

  @Test func theComparisonFailsWhenTheCommittedOutputChanged() throws {
    let lesson = try #require(try Self.lessons().first)
    let rendered = NotebookRunner()
      .run(lesson.notebook, cells: lesson.cells).renderedMarkdown
    var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let target = try #require(lines.lastIndex { !$0.isEmpty })
    lines[target] += " (edited by hand)"
    let tampered = lines.joined(separator: "\n")
    let verdict = GoldenComparison.compare(
      expected: tampered, actual: rendered, goldenPath: lesson.outputPath)
    guard case .differs(let diff) = verdict else {
      Issue.record("a changed golden file must not match, got \(verdict)")
      return
    }
    #expect(diff.contains("-" + lines[target]))
    #expect(diff.contains(lesson.outputPath))
  }

  @Test func everyLessonOfNotebooksIsCompiledFromItsCurrentText() throws {
    let names = try Self.lessons().map(\.notebook.name)
    #expect(names == ["programmation-asynchrone", "demo"])  // the order of contents.txt
    for name in names {
      #expect(LessonCatalog.registry.lesson(named: name)?.sourcePath == "Notebooks/\(name).md")
    }
  }
}

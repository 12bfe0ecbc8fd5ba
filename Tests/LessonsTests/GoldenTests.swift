import Carnet
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
    try loader.load(paths: [root + "/Notebooks"])
  }

  @Test func everyLessonMatchesItsCommittedOutput() throws {
    let record = RecordMode.from(environment: ProcessInfo.processInfo.environment)
    for lesson in try Self.lessons() {
      let run = NotebookRunner(registry: LessonCatalog.registry)
        .run(lesson.notebook, examples: lesson.examples)
      #expect(run.failures.isEmpty, "\(run.failures.map(\.description).joined(separator: "\n"))")
      for file in run.renderedFiles(for: lesson, formats: OutputFormat.allCases) {
        let golden = try? String(contentsOfFile: file.path, encoding: .utf8)
        let verdict = GoldenComparison.compare(
          expected: golden, actual: file.text, goldenPath: file.path)
        guard verdict != .match else { continue }
        if record == .all {
          try AtomicFile.write(file.text, to: file.path)
          Issue.record("recorded \(file.path); run the tests again without CARNET_RECORD")
        } else {
          Issue.record(
            "\(verdict.message)\nTo accept: swift run carnet render (or CARNET_RECORD=1 swift test)"
          )
        }
      }
    }
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let runner = NotebookRunner(registry: LessonCatalog.registry)
    for lesson in try Self.lessons() {
      let first = runner.run(lesson.notebook, examples: lesson.examples)
      let second = runner.run(lesson.notebook, examples: lesson.examples)
      let formats = OutputFormat.allCases
      #expect(
        first.renderedFiles(for: lesson, formats: formats)
          == second.renderedFiles(for: lesson, formats: formats))
    }
  }

  @Test func theComparisonFailsWhenTheCommittedOutputChanged() throws {
    let lesson = try #require(try Self.lessons().first)
    let rendered = NotebookRunner(registry: LessonCatalog.registry)
      .run(lesson.notebook, examples: lesson.examples).renderedMarkdown
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

  @Test func everyCellShowsTheCodeOfItsExample() throws {
    for lesson in try Self.lessons() {
      for (cell, example) in zip(lesson.notebook.cells, lesson.examples) {
        let source = try ExampleSource.read(example)
        let mismatch = CodeCheck.compare(
          cell: cell, notebookPath: lesson.notebook.path, source: source)
        #expect(mismatch == nil, "\(mismatch?.description ?? "")")
      }
    }
  }
}

import Foundation
import Synchronization
import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// The pipeline as a library: one verdict and the events, for render and check, without the
/// command line.
@Suite struct LessonPipelineTests {
  static let lesson = """
    # Essai

    ```swift cell=bonjour
    print("bonjour")
    ```
    """

  /// A folder with `Notebooks/essai.md` (and `others`), and the pipeline over it, whose registry
  /// holds `essai` as compiled; its cell prints "bonjour", or throws when `failing`.
  final class Workspace: Sendable {
    let root: URL
    let events = Mutex<[PipelineEvent]>([])

    init(others: [String: String] = [:]) throws {
      root = FileManager.default.temporaryDirectory
        .appendingPathComponent("carnet-pipeline-\(UUID().uuidString)")
      let notebooks = root.appendingPathComponent("Notebooks")
      try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
      for (name, text) in ["essai.md": LessonPipelineTests.lesson].merging(
        others, uniquingKeysWith: { a, _ in a })
      {
        try Data(text.utf8).write(to: notebooks.appendingPathComponent(name))
      }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func pipeline(failing: Bool = false, output: String? = nil) throws -> LessonPipeline {
      let path = root.appendingPathComponent("Notebooks/essai.md").path
      let notebook = try NotebookParser.parse(text: LessonPipelineTests.lesson, path: path)
      let tangle = LessonTangle(notebook, sourcePath: "Notebooks/essai.md")
      let cell = CompiledCell("bonjour") {
        if failing { throw CancellationError() }
        CellContext.current?.write("bonjour\n")
      }
      let registry = LessonRegistry([
        CompiledLesson(
          name: "essai", sourcePath: "Notebooks/essai.md", fingerprint: tangle.fingerprint,
          cells: [cell])
      ])
      return LessonPipeline(
        paths: [root.appendingPathComponent("Notebooks/essai.md").path]
          + (try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("Notebooks").path
          ).filter { $0 != "essai.md" }.sorted().map {
            root.appendingPathComponent("Notebooks/\($0)").path
          }),
        outputDirectory: output ?? root.appendingPathComponent("Output").path,
        formats: [.markdown, .html], htmlOptions: HTMLOptions(), registry: registry,
        batch: LessonBatch(jobs: 1), makeRunner: { NotebookRunner(cellRunner: CellRunner()) })
    }

    /// Records events.
    var record: @Sendable (PipelineEvent) -> Void {
      { event in self.events.withLock { $0.append(event) } }
    }

    var diagnostics: [Diagnostic] {
      events.withLock { events in
        events.flatMap { event -> [Diagnostic] in
          if case .diagnostics(let list) = event { return list }
          return []
        }
      }
    }

    var diffs: [String] {
      events.withLock { events in
        events.compactMap { event in
          if case .diff(let diff) = event { return diff }
          return nil
        }
      }
    }

    func output(_ name: String) -> String? {
      try? String(contentsOf: root.appendingPathComponent("Output/\(name)"), encoding: .utf8)
    }
  }

  @Test func aRenderedLessonThenChecksUpToDate() throws {
    let workspace = try Workspace()
    let rendered = try workspace.pipeline().renderAndWrite(
      allowErrors: false, events: workspace.record)
    #expect(rendered == PipelineOutcome(verdict: .success, lessons: 1, cells: 1, files: 2))
    #expect(workspace.output("essai.md")?.contains("```output time=0.0s\nbonjour\n```") == true)
    let checked = try workspace.pipeline().check(events: workspace.record)
    #expect(checked == PipelineOutcome(verdict: .success, lessons: 1, cells: 1, files: 2))
    #expect(workspace.diagnostics.isEmpty)
  }

  @Test func aDriftedOutputFailsTheCheckWithOneDiffAndALineForTheOtherFormat() throws {
    let workspace = try Workspace()
    _ = try workspace.pipeline().renderAndWrite(allowErrors: false, events: { _ in })
    let failing = try workspace.pipeline(failing: true).check(events: workspace.record)
    #expect(failing.verdict == .failed)
    #expect(workspace.diffs.count == 1)
    let messages = workspace.diagnostics.map(\.message)
    #expect(messages.contains { $0.hasPrefix("differs from the rendered lesson (diff below)") })
    #expect(messages.contains { $0.hasPrefix("differs from the rendered lesson too") })
  }

  @Test func aFailingCellIsNotWrittenUnlessErrorsAreAllowed() throws {
    let workspace = try Workspace()
    let refused = try workspace.pipeline(failing: true).renderAndWrite(
      allowErrors: false, events: workspace.record)
    #expect(refused.verdict == .failed)
    #expect(refused.files == 0)
    #expect(workspace.output("essai.md") == nil)
    #expect(
      workspace.diagnostics.contains { $0.message == "not written: a cell failed (see above)" })
    let allowed = try workspace.pipeline(failing: true).renderAndWrite(
      allowErrors: true, events: { _ in })
    #expect(allowed.verdict == .failed)
    #expect(allowed.files == 2)
    #expect(workspace.output("essai.md")?.contains("```error\nCancellationError") == true)
  }

  @Test func aLessonNotCompiledIsRefusedAndTheOthersAreStillRendered() throws {
    let workspace = try Workspace(others: ["autre.md": "# Autre\n"])
    let outcome = try workspace.pipeline().renderAndWrite(
      allowErrors: false, events: workspace.record)
    #expect(outcome.verdict == .invalidInput)
    #expect(workspace.output("essai.md") != nil)
    #expect(workspace.diagnostics.contains { $0.path.hasSuffix("Notebooks/autre.md") })
  }

  @Test func anOutputFolderThatIsAFileIsAWriteFailure() throws {
    let workspace = try Workspace()
    let file = workspace.root.appendingPathComponent("un-fichier").path
    #expect(FileManager.default.createFile(atPath: file, contents: Data()))
    let outcome = try workspace.pipeline(output: file).renderAndWrite(
      allowErrors: false, events: workspace.record)
    #expect(outcome.verdict == .writeFailed)
    #expect(
      workspace.diagnostics.map(\.description) == [
        "\(file): error: cannot create the output folder"
      ])
  }

  @Test func theWorstVerdictWins() {
    let verdicts: [Verdict] = [.failed, .writeFailed, .success, .invalidInput]
    #expect(verdicts.sorted() == [.success, .failed, .invalidInput, .writeFailed])
    #expect(verdicts.max()?.exitStatus == 3)
  }
}

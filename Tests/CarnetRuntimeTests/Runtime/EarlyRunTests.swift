import CarnetTestSupport
import Synchronization
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

/// A lesson's cells started before the lesson is read (`NotebookRunner.start`): the run is taken
/// when the parsed lesson runs the same cells with the same options, and dropped otherwise,
/// the cells then running as parsed.
@Suite struct EarlyRunTests {
  /// How many times each cell ran, by ID.
  final class Counts: Sendable {
    let byID = Mutex<[String: Int]>([:])
    func ran(_ id: String) { byID.withLock { $0[id, default: 0] += 1 } }
    var snapshot: [String: Int] { byID.withLock { $0 } }
  }

  static let text = """
    ```swift cell=un
    ```

    ```swift cell=deux seed=7
    ```

    ```swift cell=refus expect=compile-error
    ```
    """

  /// The compiled lesson: `deux` built with `deuxOptions`; each cell prints a random number,
  /// so that the run shows which seed it had.
  static func compiled(counts: Counts, deuxOptions: [String]) -> CompiledLesson {
    func cell(_ id: String, options: [String] = []) -> CompiledCell {
      CompiledCell(id, options: options) {
        counts.ran(id)
        CellTestSupport.say("\(id) \(CellContext.current?.nextRandom() ?? 0)")
      }
    }
    return CompiledLesson(
      name: "lecon", sourcePath: "Notebooks/lecon.md", fingerprint: "",
      cells: [
        cell("un"), cell("deux", options: deuxOptions),
        CompiledCell("refus", compileCheck: CompileCheck(compiles: false, diagnostics: ["e"])),
      ])
  }

  @Test func theCompiledLessonGivesTheJobsOfItsCellsThatRun() throws {
    let jobs = try #require(Self.compiled(counts: Counts(), deuxOptions: ["seed=7"]).jobs)
    #expect(jobs.map(\.cellID) == ["un", "deux"])
    #expect(jobs.map(\.options.seed) == [nil, 7])
    #expect(jobs.allSatisfy { $0.lessonName == "lecon" })
    let unreadable = Self.compiled(counts: Counts(), deuxOptions: ["seed=sept"])
    #expect(unreadable.jobs == nil)
  }

  @Test func aRunStartedEarlyIsTakenWhenTheLessonIsAsBuilt() throws {
    let notebook = try NotebookParser.parse(text: Self.text, path: "Notebooks/lecon.md")
    let counts = Counts()
    let compiled = Self.compiled(counts: counts, deuxOptions: ["seed=7"])
    let early = try #require(NotebookRunner().start(compiled))
    var told: [String] = []
    let run = NotebookRunner().run(
      notebook, cells: compiled.cells, startedEarly: early, progress: { told.append($1.id) })
    #expect(counts.snapshot == ["un": 1, "deux": 1])
    #expect(told == ["un", "deux"])
    let alone = NotebookRunner().run(notebook, cells: compiled.cells)
    #expect(run.runs == alone.runs)
    #expect(run.failures.isEmpty)
  }

  @Test func aRunStartedWithOtherOptionsIsDroppedAndTheCellsRunAsParsed() throws {
    let notebook = try NotebookParser.parse(text: Self.text, path: "Notebooks/lecon.md")
    let built = Self.compiled(counts: Counts(), deuxOptions: ["seed=8"])
    let early = try #require(NotebookRunner().start(built))
    let counts = Counts()
    let compiled = Self.compiled(counts: counts, deuxOptions: ["seed=7"])
    let run = NotebookRunner().run(notebook, cells: compiled.cells, startedEarly: early)
    #expect(counts.snapshot == ["un": 1, "deux": 1])
    let asParsed = NotebookRunner().run(notebook, cells: compiled.cells)
    #expect(run.runs == asParsed.runs)
    // Not the early run's: seed=8 draws other numbers.
    var asBuilt = CellOptions()
    asBuilt.seed = 8
    #expect(run.runs[1].output != CellRunner().run(built.cells[1], options: asBuilt).output)
  }

  @Test func aLessonWithoutCellsToRunStartsNothing() {
    let lesson = CompiledLesson(
      name: "vide", sourcePath: "Notebooks/vide.md", fingerprint: "",
      cells: [CompiledCell("refus", compileCheck: CompileCheck(compiles: true, diagnostics: []))])
    #expect(NotebookRunner().start(lesson) == nil)
  }
}

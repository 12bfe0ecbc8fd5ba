import CarnetTestSupport
import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

@Suite struct NotebookRunnerTests {
  private func run(_ ending: CellRun.Ending) -> CellRun {
    CellRun(cellID: "x", output: "", ending: ending, simulatedTime: .zero)
  }

  private func options(_ expectation: CellOptions.Expectation) -> CellOptions {
    var options = CellOptions()
    options.expectation = expectation
    return options
  }

  @Test func aCellEndingAsExpectedDoesNotFail() {
    #expect(NotebookRunner.failure(of: run(.returned), options: options(.success)) == nil)
    let threw = run(.threw(type: "E", description: "e"))
    #expect(NotebookRunner.failure(of: threw, options: options(.error)) == nil)
    let stalled = run(.stalled(at: .seconds(1), suspended: []))
    #expect(NotebookRunner.failure(of: stalled, options: options(.stall)) == nil)
    let timedOut = run(.timedOut(limit: .seconds(1), suspended: []))
    #expect(NotebookRunner.failure(of: timedOut, options: options(.timeout)) == nil)
  }

  @Test func anUnexpectedEndingFailsWithAClearMessage() {
    let threw = run(.threw(type: "E", description: "boom"))
    #expect(
      NotebookRunner.failure(of: threw, options: options(.success))
        == "cell 'x' threw E: boom (add expect=error if intended)")
    #expect(
      NotebookRunner.failure(of: run(.returned), options: options(.error))
        == "cell 'x' was expected to end with expect=error but returned")
    let stalled = run(.stalled(at: .seconds(2), suspended: []))
    #expect(
      NotebookRunner.failure(of: stalled, options: options(.error))
        == "cell 'x' was expected to end with expect=error but stalled at 2.0s: "
        + "no task can run and none is sleeping")
    let interrupted = run(.exceededWallClock(seconds: 10))
    #expect(NotebookRunner.failure(of: interrupted, options: options(.success)) != nil)
  }
}

/// Cells the build only compiled (`expect=compile-error`) get their run from the build's check.
@Suite struct CompileCheckedCellTests {
  private func notebook() throws -> Notebook {
    try NotebookParser.parse(
      text: """
        ```swift cell=ok
        ```

        ```swift cell=refus expect=compile-error
        ```
        """, path: "Notebooks/lecon.md")
  }

  @Test func aCellThatDidNotCompileShowsTheDiagnosticsAndPasses() throws {
    let check = CompileCheck(compiles: false, diagnostics: ["lecon.md:5:1: error: a", "b"])
    let run = NotebookRunner().run(
      try notebook(),
      cells: [
        CompiledCell("ok") { CellTestSupport.say("ok") },
        CompiledCell("refus", compileCheck: check),
      ])
    #expect(run.failures.isEmpty)
    #expect(run.runs.map(\.output) == ["ok\n", ""])
    #expect(run.runs[1].ending == .didNotCompile(diagnostics: "lecon.md:5:1: error: a\nb"))
    #expect(!run.runs[1].ran)
  }

  @Test func aCellThatCompilesAnywayFailsTheLesson() throws {
    let check = CompileCheck(compiles: true, diagnostics: [])
    let run = NotebookRunner().run(
      try notebook(), cells: [CompiledCell("ok") {}, CompiledCell("refus", compileCheck: check)])
    #expect(
      run.failures.map(\.description) == [
        "Notebooks/lecon.md:4: error: cell 'refus' compiles, but expect=compile-error says it"
          + " must not: remove the option, or show code that the compiler refuses"
      ])
  }
}

/// What a cell controls besides its output is bounded too.
@Suite struct BoundedErrorTests {
  struct HugeError: Error, CustomStringConvertible {
    var description: String { String(repeating: "é", count: 5_000) }
  }

  @Test func aThrownErrorsDescriptionIsCutAtTheOutputLimit() {
    var runner = CellRunner()
    runner.outputLimit = 1_000
    let run = runner.run(CompiledCell("enorme") { throw HugeError() }, options: CellOptions())
    guard case .threw(let type, let description) = run.ending else {
      Issue.record("expected a thrown error, got \(run.ending)")
      return
    }
    #expect(type == "HugeError")
    #expect(description.hasPrefix(String(repeating: "é", count: 500) + "\n[carnet: cut at 1000"))
    #expect(description.hasSuffix("bytes; 9000 more bytes dropped]"))
  }
}

/// Whether a run ended as its cell's options expect is decided once, by the runner, and kept
/// on the run for every output to read.
@Suite struct CellOutcomeTests {
  @Test func eachRunCarriesItsFailureOrNone() throws {
    let notebook = try NotebookParser.parse(
      text: """
        ```swift cell=attendue expect=error
        ```

        ```swift cell=imprevue
        ```
        """, path: "Notebooks/lecon.md")
    let run = NotebookRunner().run(
      notebook,
      cells: [
        CompiledCell("attendue") { throw CancellationError() },
        CompiledCell("imprevue") { throw CancellationError() },
      ])
    #expect(run.runs[0].failure == nil)
    let failure = try #require(run.runs[1].failure)
    #expect(run.failures.map(\.message) == [failure])
    #expect(failure.hasPrefix("cell 'imprevue' threw CancellationError"))
  }
}

import Testing

@testable import CarnetDocument

/// Reading the compiler's diagnostics about a cell marked `expect=compile-error`, and leaving
/// such cells out of the lesson's compiled code.
@Suite struct CompileCheckTests {
  static let output = """
    Support-Print.swift:3:7: warning: something about the support code
    Notebooks/lecon.md:4:9: warning: a warning in a shared block, outside the cell
    Notebooks/lecon.md:12:11: error: passing closure as a 'sending' parameter risks causing data races [#SendingClosureRisksDataRace]
        group.addTask {
              ^
    Notebooks/lecon.md:13:37: note: closure captures reference to mutable var 'compteur'
    Notebooks/lecon.md:4:5: note: a note pointing at a shared block
    Notebooks/lecon.md:15:5: warning: initialization of immutable value 'x' was never used
    Notebooks/autre.md:15:5: note: a note about another file
    """

  @Test func keepsTheCellsDiagnosticsAndTheirNotesInOrderWithTheLessonsFileName() throws {
    let check = try #require(
      CompileCheck.read(
        compilerOutput: Self.output, lessonPath: "Notebooks/lecon.md", lines: 10...16))
    #expect(!check.compiles)
    #expect(
      check.diagnostics == [
        "lecon.md:12:11: error: passing closure as a 'sending' parameter risks causing data races"
          + " [#SendingClosureRisksDataRace]",
        "lecon.md:13:37: note: closure captures reference to mutable var 'compteur'",
        "lecon.md:4:5: note: a note pointing at a shared block",
        "lecon.md:15:5: warning: initialization of immutable value 'x' was never used",
      ])
  }

  @Test func aCellWithOnlyWarningsCompiles() throws {
    let output = "Notebooks/lecon.md:15:5: warning: never used\n"
    let check = try #require(
      CompileCheck.read(compilerOutput: output, lessonPath: "Notebooks/lecon.md", lines: 15...15))
    #expect(check.compiles)
    #expect(check.diagnostics == ["lecon.md:15:5: warning: never used"])
  }

  @Test func anErrorOutsideTheLessonIsNotTheCellsDoing() {
    let output = "Support-Sleep.swift:9:3: error: cannot find 'CellContext' in scope\n"
    #expect(
      CompileCheck.read(compilerOutput: output, lessonPath: "Notebooks/lecon.md", lines: 1...9)
        == nil)
  }

  static let lesson = """
    # Leçon

    ```swift cell=ok
    print("ok")
    ```

    ```swift cell=refus expect=compile-error
    let n: Int = "x"
    ```
    """

  @Test func aCompileErrorCellIsLeftOutButCheckedOnItsOwn() throws {
    let notebook = try NotebookParser.parse(text: Self.lesson, path: "Notebooks/lecon.md")
    let check = CompileCheck(compiles: false, diagnostics: ["lecon.md:8:14: error: no"])
    let tangle = LessonTangle(
      notebook, sourcePath: "Notebooks/lecon.md", compileChecks: ["refus": check])
    #expect(!tangle.source.contains(#"let n: Int = "x""#))
    #expect(!tangle.source.contains("cell_refus"))
    #expect(tangle.source.contains(#""lecon.md:8:14: error: no","#))
    let cell = try #require(notebook.cells.last)
    #expect(LessonTangle.cellsToCheck(in: notebook).map(\.id) == ["refus"])
    let checked = LessonTangle.checkSource(
      ofCell: cell, in: notebook, sourcePath: "Notebooks/lecon.md")
    let lines = checked.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[7] == #"let n: Int = "x""#)  // the lesson's line 8
    #expect(lines[6].contains("func cell_refus() async throws {"))
    #expect(!checked.contains(#"print("ok")"#))
    #expect(LessonTangle.codeLines(of: cell) == 8...8)
  }

  @Test func editingALeftOutCellChangesTheFingerprint() throws {
    let notebook = try NotebookParser.parse(text: Self.lesson, path: "Notebooks/lecon.md")
    let edited = try NotebookParser.parse(
      text: Self.lesson.replacingOccurrences(of: #""x""#, with: #""y""#),
      path: "Notebooks/lecon.md")
    #expect(
      LessonTangle(notebook, sourcePath: "p").fingerprint
        != LessonTangle(edited, sourcePath: "p").fingerprint)
  }
}

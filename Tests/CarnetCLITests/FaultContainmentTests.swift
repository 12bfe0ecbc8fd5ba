import Foundation
import Testing

/// Faulty cells, through the real binary: each fault is reported under its own cell, and the
/// next cell still runs (in a fresh worker process after a crash).
@Suite struct FaultContainmentTests {
  /// Renders a lesson made of the fault cell then a healthy cell; returns the output and the run.
  private func render(
    _ faultID: String, extraArguments: [String] = []
  ) throws -> (rendered: String, result: CarnetBinary.Result) {
    let scratch = try Scratch()
    let lesson = "```swift cell=\(faultID)\n```\n\nSuite.\n\n```swift cell=hello\n```\n"
    try scratch.write(lesson, to: "Notebooks/essai.md")
    let result = try CarnetBinary.run(
      ["render", "--allow-errors"] + extraArguments, in: scratch.url)
    return (scratch.read("Output/essai.md") ?? "", result)
  }

  private let healthyCell = "```output time=0.0s\nBonjour depuis une cellule Carnet !\n```\n"

  @Test(arguments: [
    ("fault-fatal-error", "Fatal error: panne voulue"),
    ("fault-precondition", "Precondition failed: stock insuffisant"),
    ("fault-index", "Fatal error: Index out of range"),
    ("fault-unwrap", "Fatal error: Unexpectedly found nil while unwrapping an Optional value"),
  ])
  func aCrashIsReportedUnderItsCellAndTheNextCellRuns(faultID: String, message: String) throws {
    let (rendered, result) = try render(faultID)
    #expect(result.status == 1)
    #expect(rendered.contains("```error\ncrashed with signal "))
    #expect(rendered.contains(message))
    #expect(rendered.hasSuffix(healthyCell))
    #expect(result.standardError.contains("Notebooks/essai.md:1: error: cell '\(faultID)' crashed"))
  }

  @Test func outputPrintedBeforeACrashIsKept() throws {
    let (rendered, _) = try render("fault-fatal-error")
    #expect(rendered.contains("```output time=0.0s\navant la panne\n```\n```error\ncrashed"))
  }

  @Test func aCellThatNeverAwaitsIsStoppedByTheWallClockLimit() throws {
    let (rendered, result) = try render(
      "fault-busy-loop", extraArguments: ["--wall-clock-limit", "0.5"])
    #expect(result.status == 1)
    #expect(rendered.contains("interrupted: the cell ran 0.5 s of real time"))
    #expect(rendered.hasSuffix(healthyCell))
  }

  @Test func aCellThatYieldsForeverIsStoppedToo() throws {
    let (rendered, _) = try render(
      "fault-yield-forever", extraArguments: ["--wall-clock-limit", "0.5"])
    #expect(rendered.contains("interrupted: the cell ran 0.5 s of real time"))
    #expect(rendered.hasSuffix(healthyCell))
  }

  @Test func aFloodOfOutputIsCutWithANote() throws {
    let (rendered, _) = try render("fault-flood", extraArguments: ["--max-output", "1000"])
    #expect(rendered.contains("[carnet: output cut at 1000 bytes; "))
    #expect(rendered.utf8.count < 2000)
    #expect(rendered.hasSuffix(healthyCell))
  }

  @Test func outputPrintedAfterTheCellEndedIsReportedNotAttached() throws {
    let (rendered, result) = try render("fault-escape")
    #expect(!rendered.contains("imprimé après la fin de la cellule"))
    #expect(result.status == 0)
    #expect(result.standardError.contains("warning: cell 'fault-escape' printed after it ended"))
  }
}

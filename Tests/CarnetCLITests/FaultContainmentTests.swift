import Foundation
import Testing

/// Faulty cells, through the real binary: each fault of the fixture `faults.md` is reported
/// under its own cell, and the healthy cell after it still runs (in a fresh worker process after
/// a crash).
@Suite struct FaultContainmentTests {
  /// The fixture `faults.md` rendered once with `--allow-errors`, and what `carnet` said.
  struct Rendering: Sendable {
    /// The fixture lesson as compiled into `carnet`.
    var lesson: String
    /// `Output/faults.md`.
    var rendered: String
    /// The run of `carnet render`.
    var result: CarnetBinary.Result

    /// The rendered cells in document order, each with its text: from its opening fence up to
    /// the next cell's.
    var sections: [(id: String, text: Substring)] {
      let marker = "```swift cell="
      return rendered.components(separatedBy: marker).dropFirst().map { part in
        let id = part.prefix { $0 != "\n" && $0 != " " }
        return (String(id), Substring(marker + part))
      }
    }

    /// The text of the cell `id`, and the next cell (its ID and text); nil without that cell.
    func section(_ id: String) -> (text: Substring, next: (id: String, text: Substring)?)? {
      let all = sections
      guard let index = all.firstIndex(where: { $0.id == id }) else { return nil }
      return (all[index].text, index + 1 < all.count ? all[index + 1] : nil)
    }

    /// The line of the lesson that is exactly `line`.
    func lineNumber(of line: String) throws -> Int {
      try #require(PackageFiles.lineNumber(of: line, in: lesson))
    }
  }

  /// The options the fixture is rendered with.
  static let arguments = ["--allow-errors", "--wall-clock-limit", "0.5", "--max-output", "1000"]

  /// Renders the fixture once for all the tests of the suite (some of its cells take 0.5 s).
  static let faults = Result<Rendering, any Error> {
    let scratch = try Scratch()
    try scratch.copyFixture("faults.md", to: "Notebooks/faults.md")
    let result = try CarnetBinary.run(["render"] + arguments, in: scratch.url)
    return Rendering(
      lesson: try PackageFiles.text(PackageFiles.fixtures + "faults.md"),
      rendered: scratch.read("Output/faults.md") ?? "", result: result)
  }

  /// The healthy cell after `faultID` (`after-NAME` for `fault-NAME`), and what it renders to.
  private static func healthyCell(after faultID: String) -> (id: String, text: String) {
    let id = "after-" + faultID.dropFirst("fault-".count)
    let text = """
      ```swift cell=\(id)
      print("Bonjour depuis une cellule Carnet !")
      ```
      ```output time=0.0s
      Bonjour depuis une cellule Carnet !
      ```

      """
    return (id, text)
  }

  @Test(arguments: [
    ("fault-fatal-error", "```error\ncrashed with signal ", "Fatal error: panne voulue"),
    (
      "fault-precondition", "```error\ncrashed with signal ",
      "Precondition failed: stock insuffisant"
    ),
    ("fault-index", "```error\ncrashed with signal ", "Fatal error: Index out of range"),
    (
      "fault-unwrap", "```error\ncrashed with signal ",
      "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
    ),
    (
      "fault-busy-loop", "```error\ninterrupted: the cell ran 0.5 s of real time",
      "without giving control back"
    ),
    (
      "fault-yield-forever", "```error\ninterrupted: the cell ran 0.5 s of real time",
      "without giving control back"
    ),
    ("fault-flood", "ligne 0 : du texte", "\n[carnet: output cut at 1000 bytes; "),
  ])
  func aFaultIsReportedUnderItsCellAndTheNextCellRuns(
    faultID: String, report: String, detail: String
  ) throws {
    let faults = try Self.faults.get()
    let (text, next) = try #require(faults.section(faultID))
    #expect(text.contains(report), "\(text)")
    #expect(text.contains(detail), "\(text)")
    #expect(!text.contains("Bonjour depuis une cellule Carnet !"))
    let healthy = Self.healthyCell(after: faultID)
    #expect(next?.id == healthy.id)
    #expect(next?.text.hasPrefix(healthy.text) == true, "\(next?.text ?? "")")
    #expect(next?.text.contains("```error") == false)
  }

  @Test(arguments: [
    ("fault-fatal-error", "crashed with signal "),
    ("fault-precondition", "crashed with signal "),
    ("fault-index", "crashed with signal "),
    ("fault-unwrap", "crashed with signal "),
    ("fault-busy-loop", "interrupted: the cell ran 0.5 s of real time"),
    ("fault-yield-forever", "interrupted: the cell ran 0.5 s of real time"),
  ])
  func eachFailureIsReportedOnStandardErrorAtItsCellsLine(faultID: String, report: String) throws {
    let faults = try Self.faults.get()
    let line = try faults.lineNumber(of: "```swift cell=\(faultID)")
    #expect(
      faults.result.standardError.contains(
        "Notebooks/faults.md:\(line): error: cell '\(faultID)' \(report)"),
      "\(faults.result.standardError)")
  }

  @Test func theRenderFailsWithOneErrorPerFailedCellAndIsWrittenAnyway() throws {
    let faults = try Self.faults.get()
    #expect(faults.result.status == 1)
    let errors = faults.result.standardError.split(separator: "\n")
      .filter { $0.contains(": error: cell '") }
    #expect(errors.count == 6, "\(errors)")
    #expect(
      faults.result.standardError.contains(
        "Output/faults.md: note: written with the failures shown under their cells (--allow-errors)"
      ))
    #expect(faults.rendered.hasPrefix("# Cellules fautives\n"))
  }

  @Test func aTrapNamesTheLinesOfTheLessonItself() throws {
    let faults = try Self.faults.get()
    let fatal = try faults.lineNumber(of: "fatalError(\"panne voulue\")")
    let precondition = try faults.lineNumber(
      of: "precondition(stock > 10, \"stock insuffisant\")")
    #expect(faults.rendered.contains("faults.md:\(fatal): Fatal error: panne voulue"))
    #expect(
      faults.rendered.contains("faults.md:\(precondition): Precondition failed: stock insuffisant"))
  }

  @Test func outputPrintedBeforeACrashIsKept() throws {
    let (text, _) = try #require(try Self.faults.get().section("fault-fatal-error"))
    #expect(text.contains("```\n```output time=0.0s\navant la panne\n```\n```error\ncrashed"))
  }

  @Test func aFloodOfOutputIsCutToTheLimit() throws {
    let (text, _) = try #require(try Self.faults.get().section("fault-flood"))
    #expect(text.contains("```output time=0.0s\nligne 0 : du texte pour remplir la sortie\n"))
    #expect(!text.contains("ligne 99999 "))
    #expect(text.utf8.count < 1500, "\(text.utf8.count) bytes")
  }

  @Test func outputPrintedAfterTheCellEndedIsReportedNotAttached() throws {
    let faults = try Self.faults.get()
    let line = try faults.lineNumber(of: "```swift cell=fault-escape")
    // The late text is in the cell's code, and nowhere else.
    let late = "imprimé après la fin de la cellule"
    #expect(faults.rendered.components(separatedBy: late).count == 2)
    #expect(faults.lesson.components(separatedBy: late).count == 2)
    #expect(
      faults.result.standardError.contains(
        "Notebooks/faults.md:\(line): warning: cell 'fault-escape' printed after it ended"))
    #expect(!faults.result.standardError.contains("error: cell 'fault-escape'"))
    let (text, next) = try #require(faults.section("fault-escape"))
    #expect(text.contains("```\n```output time=0.0s\nla cellule se termine\n```\n"))
    #expect(next?.text.hasPrefix(Self.healthyCell(after: "fault-escape").text) == true)
  }

  @Test func aLateOutputAloneIsAWarningAndTheLessonIsWritten() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("fuite.md", to: "Notebooks/fuite.md")
    let line = try #require(
      PackageFiles.lineNumber(
        of: "```swift cell=fuite", in: try PackageFiles.text(PackageFiles.fixtures + "fuite.md")))
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 0, "\(render.standardError)")
    #expect(
      render.standardError.contains(
        "Notebooks/fuite.md:\(line): warning: cell 'fuite' printed after it ended"))
    #expect(!render.standardError.contains(": error:"))
    let rendered = try #require(scratch.read("Output/fuite.md"))
    #expect(rendered.contains("```output time=0.0s\nla cellule se termine\n```\n"))
    // The late text is in the cell's code, and nowhere else.
    #expect(rendered.components(separatedBy: "imprimé après la fin de la cellule").count == 2)
  }
}

import Foundation
import Testing

/// Cells that attack the process running them (the fixture `hostile.md`), through the real
/// binary: its descriptors, its standard streams, its process group, the processes it starts.
/// Each is reported under the right cell, the cells after it run, and nothing they start
/// outlives `carnet`.
@Suite struct HostileCellTests {
  /// The fixture rendered once with `--allow-errors`, and what `carnet` said.
  struct Rendering: Sendable {
    var lesson: String
    var rendered: String
    var result: CarnetBinary.Result
    /// Whether a process `sleep 37.25` (started by a cell) was still running after `carnet`.
    var sleeperSurvived: Bool

    /// The text of the cell `id` in the rendered lesson: its fences, output and error blocks.
    func section(_ id: String) throws -> Substring {
      let marker = "```swift cell="
      let start = try #require(rendered.range(of: marker + id + "\n"))
      let end = rendered[start.upperBound...].range(of: marker)?.lowerBound ?? rendered.endIndex
      return rendered[start.lowerBound..<end]
    }

    /// The output block of the cell `id` (nil without one).
    func output(of id: String) throws -> Substring? {
      let text = try section(id)
      guard let start = text.range(of: "```output time=0.0s\n") else { return nil }
      let end = try #require(text[start.upperBound...].range(of: "```\n"))
      return text[start.upperBound..<end.lowerBound]
    }

    /// The line of the cell `id`'s opening fence.
    func line(of id: String) throws -> Int {
      try #require(PackageFiles.lineNumber(of: "```swift cell=\(id)", in: lesson))
    }
  }

  static let hostile = Result<Rendering, any Error> {
    let scratch = try Scratch()
    try scratch.copyFixture("hostile.md", to: "Notebooks/hostile.md")
    let result = try CarnetBinary.run(
      ["render", "--allow-errors", "--wall-clock-limit", "3"], in: scratch.url)
    return Rendering(
      lesson: try PackageFiles.text(PackageFiles.fixtures + "hostile.md"),
      rendered: scratch.read("Output/hostile.md") ?? "", result: result,
      sleeperSurvived: Self.processRuns(withArguments: ["/bin/sleep", "37.25"]))
  }

  /// Whether a process whose command line is `arguments` is running (from `/proc`).
  static func processRuns(withArguments arguments: [String]) -> Bool {
    let wanted = Array((arguments.joined(separator: "\0") + "\0").utf8)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.contains { name in
      guard Int(name) != nil,
        let line = FileManager.default.contents(atPath: "/proc/\(name)/cmdline")
      else { return false }
      return Array(line) == wanted
    }
  }

  @Test func closingOrScramblingDescriptorsDoesNotReachTheWorkersChannel() throws {
    let hostile = try Self.hostile.get()
    #expect(try hostile.output(of: "ferme-trois") == "descripteur 3 fermé\n")
    #expect(try hostile.output(of: "brouille") == "du bruit sur les descripteurs 3 à 63\n")
    #expect(try hostile.output(of: "ferme-entree") == "entrée standard fermée\n")
    #expect(!hostile.result.standardError.contains("error: cell 'ferme-trois'"))
    #expect(!hostile.result.standardError.contains("error: cell 'brouille'"))
  }

  @Test func aCellReadsAnEmptyStandardInputNotTheWorkersRequests() throws {
    #expect(try Self.hostile.get().output(of: "lit-entree") == "rien sur l’entrée standard\n")
  }

  @Test func whatACellWritesToStandardOutputDirectlyIsItsOutputInOrder() throws {
    let output = try Self.hostile.get().output(of: "sortie-directe")
    #expect(output == "un\ndeux, par FileHandle\ntrois\nquatre, par write(1)\n")
  }

  @Test func whatADetachedTaskPrintsIsReportedNotLost() throws {
    let hostile = try Self.hostile.get()
    let line = try hostile.line(of: "detachee")
    #expect(
      hostile.result.standardError.contains(
        "Notebooks/hostile.md:\(line): warning: output from outside the tasks of cell 'detachee'"
      ), "\(hostile.result.standardError)")
    #expect(
      hostile.result.standardError.contains("not shown: \"imprimé par une tâche détachée\\n\""))
    #expect(try hostile.output(of: "detachee") == "la cellule a attendu 0,3 s\n")
  }

  @Test func aStackOverflowIsNamedWithoutAnotherCellsText() throws {
    let hostile = try Self.hostile.get()
    let section = try hostile.section("pile-debordee")
    #expect(
      section.contains(
        "```error\ncrashed with signal 11 (SIGSEGV): a bad memory access (a stack overflow,"),
      "\(section)")
    #expect(!hostile.rendered.contains("texte d’une autre cellule sur stderr\n```"))
    #expect(
      !hostile.result.standardError.contains(
        "error: cell 'pile-debordee' crashed with signal 11 (SIGSEGV): texte"))
    #expect(try hostile.output(of: "bavarde") == "bavarde\n")
  }

  @Test func aCellSignallingItsProcessGroupEndsOnlyItsWorker() throws {
    let hostile = try Self.hostile.get()
    let section = try hostile.section("tue-le-groupe")
    #expect(section.contains("```error\ncrashed with signal 15 (SIGTERM)"), "\(section)")
    #expect(!section.contains("toujours là\n```"))
    #expect(try hostile.output(of: "apres-le-groupe") == "le groupe de carnet est intact\n")
    // carnet itself lived on: it wrote the lesson and exited with its own status.
    #expect(hostile.result.status == 1)
    #expect(
      hostile.result.standardError.contains("Output/hostile.md: note: written with the failures"))
  }

  @Test func nothingACellStartsOutlivesCarnetEvenAfterItsWorkerCrashed() throws {
    let hostile = try Self.hostile.get()
    #expect(try hostile.output(of: "lance-un-fils") == "un fils qui dort\n")
    #expect(!hostile.sleeperSurvived)
    // The crash after it is reported as the crash it is, with the runtime's message.
    let line = try #require(
      PackageFiles.lineNumber(of: "fatalError(\"panne après le fils\")", in: hostile.lesson))
    #expect(
      try hostile.section("panne-apres-le-fils").contains(
        "```error\ncrashed with signal 4 (SIGILL): Lessons/hostile.md:\(line): Fatal error: panne"))
  }

  @Test func aDetachedTaskCrashingLaterIsBlamedOnItsCellNotOnTheOneRunning() throws {
    let hostile = try Self.hostile.get()
    #expect(try hostile.output(of: "plante-plus-tard") == "la cellule se termine avant sa tâche\n")
    let innocent = try hostile.section("innocente")
    #expect(!innocent.contains("```error"), "\(innocent)")
    #expect(try hostile.output(of: "innocente") == "innocente\n")
    let line = try hostile.line(of: "plante-plus-tard")
    #expect(
      hostile.result.standardError.contains(
        "Notebooks/hostile.md:\(line): error: a task of cell 'plante-plus-tard' crashed the worker"
          + " after the cell ended, while cell 'innocente' ran (which alone runs fine):"),
      "\(hostile.result.standardError)")
    #expect(hostile.result.standardError.contains("Fatal error: panne d’une tâche détachée"))
    #expect(!hostile.result.standardError.contains("error: cell 'innocente'"))
  }

  @Test func aGibibyteOnStandardErrorKeepsCarnetSmall() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("flot.md", to: "Notebooks/flot.md")
    let (result, peak) = try CarnetBinary.runMeasuringMemory(["render"], in: scratch.url)
    #expect(result.status == 0, "\(result.standardError)")
    let rendered = try #require(scratch.read("Output/flot.md"))
    #expect(rendered.contains("```output time=0.0s\n1 Gio écrit sur stderr\n```"))
    #expect(rendered.contains("```output time=0.0s\nBonjour depuis une cellule Carnet !\n```"))
    // Without a bound carnet held the whole gibibyte (1.1 GB); it keeps 64 KiB of it now.
    #expect(peak < 200 << 20, "peak \(peak) bytes")
  }

  @Test func aCellClosingEveryDescriptorIsStoppedAndTheNextCellRuns() throws {
    let hostile = try Self.hostile.get()
    let section = try hostile.section("ferme-tout")
    #expect(
      section.contains(
        "```error\ncrashed: its worker closed the channel carnet reads its messages"),
      "\(section)")
    #expect(try hostile.output(of: "derniere") == "Bonjour depuis une cellule Carnet !\n")
  }

  @Test func aTaskStillRunningWhenTheLessonEndsIsReported() throws {
    let hostile = try Self.hostile.get()
    let line = try hostile.line(of: "toujours-en-cours")
    #expect(
      hostile.result.standardError.contains(
        "Notebooks/hostile.md:\(line): warning: cell 'toujours-en-cours' left a task running"),
      "\(hostile.result.standardError)")
    #expect(try hostile.output(of: "toujours-en-cours") == "la leçon se termine\n")
    #expect(!hostile.rendered.contains("bien trop tard\n```"))
  }
}

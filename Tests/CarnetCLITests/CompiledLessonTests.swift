import Foundation
import Testing

/// Lessons are compiled into `carnet`, through the real binary: a lesson runs only when its cells
/// (code, IDs, the options that change the code, and their lines) are exactly the ones the build
/// compiled; any other lesson is refused with one line naming it and the command that rebuilds
/// it, nothing is written for it, and the other lessons are still rendered.
@Suite struct CompiledLessonTests {
  /// The fixture `essai.md`, as compiled into `carnet`.
  static func essai() throws -> String {
    try PackageFiles.text(PackageFiles.fixtures + "essai.md")
  }

  /// The refusal of a lesson whose cells changed since the build.
  static let staleMessage = ": error: the cells differ from the ones carnet was built"

  /// The refusal of a lesson the build never saw.
  static let unknownMessage =
    "Notebooks/inconnue.md: error: lesson 'inconnue' is not compiled into this carnet"

  /// The command that rebuilds `carnet` with the lessons as they are, which refusals name.
  static let fixingCommand = "run 'swift run carnet render'"

  /// A lesson that no build compiled.
  static let unknownLesson = """
    # Inconnue

    ```swift cell=salut
    print("Salut !")
    ```

    """

  /// Writes `edited` to `path` (in `scratch`) after checking that the edit changed `original`.
  private static func write(
    _ original: String, edited: String, to path: String, in scratch: Scratch
  ) throws {
    try #require(edited != original, "the edit did not apply")
    try scratch.write(edited, to: path)
  }

  @Test func aLessonWhoseCellCodeChangedIsRefusedAndTheOthersAreWritten() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let demo = try PackageFiles.text("Notebooks/demo.md")
    try Self.write(
      demo,
      edited: demo.replacingOccurrences(
        of: "print(\"Bonjour depuis une cellule Carnet !\")", with: "print(\"Salut !\")"),
      to: "Notebooks/demo.md", in: scratch)

    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    let said = render.standardError.split(separator: "\n")
    #expect(said.count == 1, "\(render.standardError)")
    #expect(render.standardError.hasPrefix("Notebooks/demo.md" + Self.staleMessage))
    #expect(render.standardError.contains(Self.fixingCommand))
    #expect(
      try scratch.contents(of: "Output") == ["essai.html", "essai.md", "index.html", "index.md"])
    #expect(scratch.read("Output/essai.md") == CarnetCommandTests.renderedEssai)

    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 2)
    #expect(check.standardError == render.standardError)
  }

  @Test(arguments: [
    ("a cell's code", "print(\"Dés :\", des)", "print(\"Les dés :\", des)"),
    ("a cell's ID", "```swift cell=hello\n", "```swift cell=bonjour\n"),
    (
      "the lines of the cells", "Trois dés, toujours les mêmes :\n",
      "Trois dés,\ntoujours les mêmes :\n"
    ),
    ("shared=true", "```swift cell=hello\n", "```swift cell=hello shared=true\n"),
    (
      "a removed cell",
      "```swift cell=attente timeout=10s\ntry await Task.sleep(for: .seconds(3))\n"
        + "print(\"Trois secondes plus tard.\")\n```\n", "\n\n\n\n"
    ),
    ("an added cell", "Fin.\n", "Fin.\n\n```swift cell=bis\nprint(2)\n```\n"),
  ])
  func anEditThatChangesTheCompiledCellsIsRefused(
    change: String, original: String, replacement: String
  ) throws {
    let scratch = try Scratch()
    let essai = try Self.essai()
    try Self.write(
      essai, edited: essai.replacingOccurrences(of: original, with: replacement),
      to: "Notebooks/essai.md", in: scratch)
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2, "\(change): \(render.standardError)")
    #expect(render.standardError.split(separator: "\n").count == 1, "\(render.standardError)")
    #expect(render.standardError.hasPrefix("Notebooks/essai.md" + Self.staleMessage))
    #expect(render.standardError.contains(Self.fixingCommand))
    #expect(((try? scratch.contents(of: "Output")) ?? []) == [])
  }

  @Test func aLessonThatWasNeverCompiledIsRefusedAndTheOthersAreWritten() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    try scratch.write(Self.unknownLesson, to: "Notebooks/inconnue.md")

    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError.split(separator: "\n").count == 1, "\(render.standardError)")
    #expect(render.standardError.hasPrefix(Self.unknownMessage))
    #expect(render.standardError.contains(Self.fixingCommand))
    #expect(
      try scratch.contents(of: "Output") == ["essai.html", "essai.md", "index.html", "index.md"])
    #expect(scratch.read("Output/essai.md") == CarnetCommandTests.renderedEssai)

    let named = try CarnetBinary.run(["render", "Notebooks/inconnue.md"], in: scratch.url)
    #expect(named.status == 2)
    #expect(named.standardError == render.standardError)
    let check = try CarnetBinary.run(["check", "Notebooks/inconnue.md"], in: scratch.url)
    #expect(check.status == 2)
    #expect(check.standardError == render.standardError)
    #expect(
      try scratch.contents(of: "Output") == ["essai.html", "essai.md", "index.html", "index.md"])
  }

  @Test func aProseOnlyEditThatKeepsEveryLineIsNotRefused() throws {
    let scratch = try Scratch()
    let demo = try PackageFiles.text("Notebooks/demo.md")
    try Self.write(
      demo,
      edited: demo.replacingOccurrences(of: "# Carnet en bref\n", with: "# Carnet en résumé\n"),
      to: "Notebooks/demo.md", in: scratch)

    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 0, "\(render.standardError)")
    #expect(!render.standardError.contains(": error:"), "\(render.standardError)")
    let rendered = try #require(scratch.read("Output/demo.md"))
    #expect(rendered.contains("\n# Carnet en résumé\n"))
    #expect(!rendered.contains("Carnet en bref"))
    #expect(rendered.contains("```output time=0.0s\nBonjour depuis une cellule Carnet !\n```\n"))
    #expect(scratch.read("Output/demo.html")?.contains("Carnet en résumé") == true)
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 0, "\(check.standardError)")
  }

  @Test func listShowsEachCellWithItsLineAndOptions() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let list = try CarnetBinary.run(["list"], in: scratch.url)
    #expect(list.status == 0, "\(list.standardError)")
    #expect(list.standardError == "")
    #expect(
      list.standardOutput == """
        Notebooks/essai.md  (4 cells)
          6\thello
          12\tdes\tseed=2024
          17\trupture\texpect=error
          26\tattente\ttimeout=10s

        """)
  }

  @Test func listFlagsLessonsThatAreStaleOrNotCompiled() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("echec.md", to: "Notebooks/echec.md")
    let essai = try Self.essai()
    try Self.write(
      essai, edited: essai.replacingOccurrences(of: "(1...3)", with: "(1...4)"),
      to: "Notebooks/essai.md", in: scratch)
    try scratch.write(Self.unknownLesson, to: "Notebooks/inconnue.md")

    let list = try CarnetBinary.run(["list"], in: scratch.url)
    #expect(list.status == 2)
    let flag = "  [not built from this version: run 'swift build']"
    #expect(list.standardOutput.contains("Notebooks/echec.md  (2 cells)\n  6\thello\n"))
    #expect(
      list.standardOutput.contains(
        "Notebooks/essai.md  (4 cells)\(flag)\n  6\thello\n  12\tdes\tseed=2024\n"))
    #expect(list.standardOutput.contains("Notebooks/inconnue.md  (1 cells)\(flag)\n  3\tsalut\n"))
    let errors = list.standardError.split(separator: "\n")
    #expect(errors.count == 2, "\(list.standardError)")
    #expect(errors.contains { $0.hasPrefix("Notebooks/essai.md" + Self.staleMessage) })
    #expect(errors.contains { $0.hasPrefix(Self.unknownMessage) })
  }
}

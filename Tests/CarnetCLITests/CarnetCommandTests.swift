import Foundation
import Testing

/// End-to-end tests through the real `carnet` binary: outputs, exit codes, messages, on fixture
/// lessons compiled into it (`Sources/Lessons/Fixtures/`) and copied into a scratch folder.
@Suite struct CarnetCommandTests {
  /// `Output/essai.md` as `carnet render` writes it for the fixture `essai.md`.
  static let renderedEssai = """
    # Essai

    Une petite leçon pour les tests de bout en bout de Carnet : une salutation, des dés tirés avec
    une graine fixe, une erreur attendue et une longue attente.

    ```swift cell=hello
    print("Bonjour depuis une cellule Carnet !")
    ```
    ```output time=0.0s
    Bonjour depuis une cellule Carnet !
    ```

    Trois dés, toujours les mêmes :

    ```swift cell=des seed=2024
    let des = (1...3).map { _ in Int.random(in: 1...6) }
    print("Dés :", des)
    ```
    ```output time=0.0s
    Dés : [1, 5, 1]
    ```

    > ```swift cell=rupture expect=error
    > struct Rupture: Error, CustomStringConvertible {
    >   var description: String { "plus de croissants" }
    > }
    > throw Rupture()
    > ```
    > ```error
    > Rupture: plus de croissants
    > ```

    Une attente de trois secondes, gratuite en temps simulé :

    ```swift cell=attente timeout=10s
    try await Task.sleep(for: .seconds(3))
    print("Trois secondes plus tard.")
    ```
    ```output time=3.0s
    Trois secondes plus tard.
    ```

    Fin.

    """

  @Test func renderWritesTheLessonWithItsOutputAndCheckAgrees() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 0, "\(render.standardError)")
    // Only the summary line, as standard error is not a terminal here.
    #expect(render.standardError.hasPrefix("rendered 1 lesson (4 cells), wrote 2 files in "))
    #expect(render.standardError.split(separator: "\n").count == 1)
    #expect(scratch.read("Output/essai.md") == Self.renderedEssai)
    #expect(try scratch.contents(of: "Output") == ["essai.html", "essai.md"])
    #expect(
      scratch.read("Output/essai.html")?.contains("Bonjour depuis une cellule Carnet !") == true)
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 0, "\(check.standardError)")
  }

  @Test func checkFailsWithADiffWhenTheOutputChanged() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    #expect(try CarnetBinary.run(["render"], in: scratch.url).status == 0)
    let good = try #require(scratch.read("Output/essai.md"))
    let drifted = good.replacingOccurrences(of: "Bonjour depuis", with: "Salut de")
    try #require(drifted != good)
    try scratch.write(drifted, to: "Output/essai.md")
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 1)
    let said = check.standardOutput + check.standardError
    #expect(said.contains("-Salut de une cellule Carnet !"))
    #expect(said.contains("+Bonjour depuis une cellule Carnet !"))
    #expect(scratch.read("Output/essai.md") == drifted)
  }

  @Test func aLessonThatDriftedInEveryFormatGetsOneDiff() throws {
    let scratch = try Scratch()
    try scratch.copyFixture("essai.md", to: "Notebooks/essai.md")
    #expect(try CarnetBinary.run(["render"], in: scratch.url).status == 0)
    for file in ["Output/essai.md", "Output/essai.html"] {
      let text = try #require(scratch.read(file))
      try scratch.write(text.replacingOccurrences(of: "Bonjour depuis", with: "Salut de"), to: file)
    }
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 1)
    #expect(check.standardOutput.components(separatedBy: "--- Output/essai.").count == 2)
    #expect(check.standardOutput.contains("--- Output/essai.md"))
    #expect(
      check.standardError.contains(
        "Output/essai.html: error: differs from the rendered lesson too (see the diff of"
          + " Output/essai.md)"))
  }

  @Test func aBadOptionNamesTheFileAndLine() throws {
    let scratch = try Scratch()
    try scratch.write("```swift cell=hello seeed=3\n```\n", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError.hasPrefix("Notebooks/essai.md:1: error: "))
    #expect(render.standardError.contains("seeed"))
    #expect(!scratch.exists("Output/essai.md"))
  }

  @Test func aFileThatIsNotUTF8IsRejected() throws {
    let scratch = try Scratch()
    try scratch.write(
      bytes: Array("caf".utf8) + [0xE9] + Array(" noir\n".utf8), to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError.contains("UTF-8"))
    #expect(render.standardError.contains("offset 3"))
  }

  @Test func aFailingCellKeepsThePreviousOutputUnlessErrorsAreAllowed() throws {
    let scratch = try Scratch()
    // echec.md's cell 'panne' throws, but does not say expect=error.
    try scratch.copyFixture("echec.md", to: "Notebooks/echec.md")
    let line = try #require(
      PackageFiles.lineNumber(
        of: "```swift cell=panne", in: try PackageFiles.text(PackageFiles.fixtures + "echec.md")))
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("Output"), withIntermediateDirectories: true)
    let previous = "# La sortie d’avant\n"
    try scratch.write(previous, to: "Output/echec.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 1)
    #expect(
      render.standardError.contains(
        "Notebooks/echec.md:\(line): error: cell 'panne' threw Panne: le four est en panne"))
    #expect(
      render.standardError.contains(
        "Notebooks/echec.md: note: not written: a cell failed (see above)"))
    #expect(scratch.read("Output/echec.md") == previous)
    #expect(try scratch.contents(of: "Output") == ["echec.md"])

    let allowed = try CarnetBinary.run(["render", "--allow-errors"], in: scratch.url)
    #expect(allowed.status == 1)
    #expect(
      allowed.standardError.contains(
        "Output/echec.md: note: written with the failures shown under their cells (--allow-errors)")
    )
    let rendered = try #require(scratch.read("Output/echec.md"))
    #expect(
      rendered.contains(
        "```output time=0.0s\nOn allume le four...\n```\n```error\nPanne: le four est en panne\n```"
      ))
    #expect(rendered.contains("```output time=0.0s\nBonjour depuis une cellule Carnet !\n```"))
  }

  @Test func aMissingPathIsAnInputError() throws {
    let scratch = try Scratch()
    let render = try CarnetBinary.run(["render", "Nowhere/lesson.md"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError == "Nowhere/lesson.md: error: no such file or folder\n")
  }

  @Test func aUsageErrorExitsWith64() throws {
    let scratch = try Scratch()
    let render = try CarnetBinary.run(["render", "--no-such-flag"], in: scratch.url)
    #expect(render.status == 64)
  }
}

import Foundation
import Testing

/// End-to-end tests through the real `carnet` binary: outputs, exit codes, messages.
@Suite struct CarnetCommandTests {
  static let hello = """
    # Essai

    ```swift cell=hello
    print("Bonjour depuis une cellule Carnet !")
    ```

    Fin.

    """

  @Test func renderWritesTheLessonWithItsOutputAndCheckAgrees() throws {
    let scratch = try Scratch()
    try scratch.write(Self.hello, to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 0, "\(render.standardError)")
    #expect(
      scratch.read("Output/essai.md") == """
        # Essai

        ```swift cell=hello
        print("Bonjour depuis une cellule Carnet !")
        ```
        ```output time=0.0s
        Bonjour depuis une cellule Carnet !
        ```

        Fin.

        """)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: scratch.url.appendingPathComponent("Output").path)
    #expect(leftovers.sorted() == ["essai.html", "essai.md"])
    #expect(
      scratch.read("Output/essai.html")?.contains("Bonjour depuis une cellule Carnet !") == true)
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 0, "\(check.standardError)")
  }

  @Test func checkFailsWithADiffWhenTheOutputChanged() throws {
    let scratch = try Scratch()
    try scratch.write(Self.hello, to: "Notebooks/essai.md")
    _ = try CarnetBinary.run(["render"], in: scratch.url)
    let good = try #require(scratch.read("Output/essai.md"))
    try scratch.write(
      good.replacingOccurrences(of: "Bonjour depuis", with: "Salut de"), to: "Output/essai.md")
    let check = try CarnetBinary.run(["check"], in: scratch.url)
    #expect(check.status == 1)
    let said = check.standardOutput + check.standardError
    #expect(said.contains("-Salut de une cellule Carnet !"))
    #expect(said.contains("+Bonjour depuis une cellule Carnet !"))
  }

  @Test func anUnknownCellIDIsAnInputErrorAndWritesNothing() throws {
    let scratch = try Scratch()
    try scratch.write("Intro\n\n```swift cell=helo\nprint(1)\n```\n", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(
      render.standardError
        == "Notebooks/essai.md:3: error: unknown cell ID 'helo'; did you mean 'hello'?\n")
    #expect(scratch.read("Output/essai.md") == nil)
  }

  @Test func aBadOptionNamesTheFileAndLine() throws {
    let scratch = try Scratch()
    try scratch.write("```swift cell=hello seeed=3\n```\n", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 2)
    #expect(render.standardError.hasPrefix("Notebooks/essai.md:1"))
    #expect(render.standardError.contains("seeed"))
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
    try scratch.write(Self.hello, to: "Notebooks/essai.md")
    _ = try CarnetBinary.run(["render"], in: scratch.url)
    let good = try #require(scratch.read("Output/essai.md"))
    // expected-error throws, but this cell does not say expect=error.
    try scratch.write("```swift cell=expected-error\n```\n", to: "Notebooks/essai.md")
    let render = try CarnetBinary.run(["render"], in: scratch.url)
    #expect(render.status == 1)
    #expect(
      render.standardError.contains("Notebooks/essai.md:1: error: cell 'expected-error' threw"))
    #expect(scratch.read("Output/essai.md") == good)
    let allowed = try CarnetBinary.run(["render", "--allow-errors"], in: scratch.url)
    #expect(allowed.status == 1)
    #expect(
      allowed.standardError.contains(
        "Output/essai.md: written with the failures shown under their cells (--allow-errors)"))
    #expect(scratch.read("Output/essai.md")?.contains("```error") == true)
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

  @Test func listShowsCellsAndFlagsUnknownIDs() throws {
    let scratch = try Scratch()
    try scratch.write(Self.hello + "\n```swift cell=nope\n```\n", to: "Notebooks/essai.md")
    let list = try CarnetBinary.run(["list"], in: scratch.url)
    #expect(list.status == 2)
    #expect(list.standardOutput.contains("3\thello"))
    #expect(list.standardOutput.contains("nope\t[unknown ID]"))
    #expect(list.standardOutput.contains("equal-deadlines"))
  }
}

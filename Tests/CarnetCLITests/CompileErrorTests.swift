import Foundation
import Testing

/// Cells marked `expect=compile-error`, through the binary: the compiler's diagnostics are shown
/// under the cell at the lesson's own lines, with no path of the machine, and a cell that
/// compiles anyway fails its lesson while the other cells still run.
@Suite struct CompileErrorTests {
  /// The fixture rendered once with `--allow-errors`: the rendered files and the run.
  static let rendered: (markdown: String, html: String, result: CarnetBinary.Result, root: URL)? = {
    guard let scratch = try? Scratch(),
      (try? scratch.copyFixture("compilation.md", to: "Notebooks/compilation.md")) != nil,
      let result = try? CarnetBinary.run(["render", "--allow-errors"], in: scratch.url)
    else { return nil }
    return (
      scratch.read("Output/compilation.md") ?? "", scratch.read("Output/compilation.html") ?? "",
      result, scratch.url
    )
  }()

  @Test func aTypeErrorIsShownUnderItsNestedCellAtTheLessonsLineAndColumn() throws {
    let rendered = try #require(Self.rendered)
    // The cell is in a list item: its code starts at column 4, and "douze" at column 22.
    let expected = """
         ```
         ```error
         compilation.md:9:22: error: cannot convert value of type 'String' to specified type 'Int'
         ```

      """
    #expect(rendered.markdown.contains(expected), "\(rendered.markdown)")
    #expect(!rendered.markdown.contains("cell=erreur-de-type expect=compile-error\n   ```output"))
  }

  @Test func aCellThatCompilesAnywayFailsItsLessonAndTheOthersRun() throws {
    let rendered = try #require(Self.rendered)
    #expect(rendered.result.status == 1)
    #expect(
      rendered.result.standardError.contains(
        "Notebooks/compilation.md:19: error: cell 'compile-quand-meme' compiles, but"
          + " expect=compile-error says it must not"))
    #expect(
      rendered.markdown.contains(
        "```error\ncompiles without error, although expect=compile-error says it must not\n```"))
    #expect(
      rendered.markdown.contains(
        "   ```output time=0.0s\n   Bonjour depuis une cellule Carnet !\n   ```\n"))
    #expect(!rendered.result.standardError.contains("erreur-de-type"))
  }

  @Test func noOutputNamesAFolderOfTheMachine() throws {
    let rendered = try #require(Self.rendered)
    let folders = [
      rendered.root.path, PackageFiles.root.path, FileManager.default.temporaryDirectory.path,
    ]
    for text in [rendered.markdown, rendered.html, rendered.result.standardError] {
      for folder in folders { #expect(!text.contains(folder)) }
    }
    #expect(rendered.html.contains("compilation.md:9:22: error: cannot convert value"))
  }
}

import Testing

@testable import Carnet

@Suite struct CodeCheckTests {
  private func cell(_ code: String) -> Cell {
    Cell(
      id: "demo", options: CellOptions(), code: code, location: SourceLocation(line: 12),
      firstCodeLine: 13,
      layout: CellLayout(
        blockStart: 0, blockEnd: 0, openingPrefix: "", closingPrefix: "", lineEnding: "\n",
        closingFenceAtEndOfFile: false))
  }

  private let source = ExampleSource(
    displayPath: "Sources/Lessons/Demo.swift", firstLine: 40,
    lines: ["      let x = 1  ", "      print(x)", ""])

  @Test func indentationTrailingSpacesAndBlankEdgesDoNotCount() {
    #expect(
      CodeCheck.compare(
        cell: cell("\nlet x = 1\nprint(x)   \n\n"), notebookPath: "n.md", source: source) == nil)
  }

  @Test func aDifferentLineIsReportedWithBothPlacesAndADiff() throws {
    let mismatch = try #require(
      CodeCheck.compare(
        cell: cell("let x = 2\nprint(x)\n"), notebookPath: "Notebooks/x.md", source: source))
    #expect(
      mismatch.diagnostic.description
        == "Notebooks/x.md:12: error: cell 'demo' shows code that differs from its example at Sources/Lessons/Demo.swift:40"
    )
    #expect(mismatch.diff.contains("-let x = 1"))
    #expect(mismatch.diff.contains("+let x = 2"))
    #expect(mismatch.diff.contains("Notebooks/x.md:13"))
  }

  @Test func innerIndentationStillCounts() {
    #expect(
      CodeCheck.compare(cell: cell("let x = 1\n  print(x)\n"), notebookPath: "n.md", source: source)
        != nil)
  }
}

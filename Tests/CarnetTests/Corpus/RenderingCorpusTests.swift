import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// The renderer on the CommonMark specification's 652 examples.
@Suite struct RenderingCorpusTests {
  typealias Example = MarkdownCommonMarkCorpusTests.Example

  /// A lesson without tagged cells renders byte for byte unchanged.
  @Test(arguments: MarkdownCommonMarkCorpusTests.examples)
  func aLessonWithoutCellsRendersUnchanged(example: Example) throws {
    let notebook = try NotebookParser.parse(text: example.markdown, path: "spec.md")
    #expect(MarkdownRenderer.render(notebook, runs: []) == example.markdown)
  }

  /// Tagging the example's closed fenced blocks as cells, each output block lands in the cell's
  /// container: cmark reads it back as a fenced `output` block holding exactly the output.
  @Test(arguments: MarkdownCommonMarkCorpusTests.examples)
  func outputsLandInTheCellsContainer(example: Example) throws {
    let blocks = Cmark.fencedCodeBlocks(in: example.markdown).filter {
      $0.info.isEmpty && $0.isClosed
    }
    guard !blocks.isEmpty else { return }
    var lines = example.markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    for (index, block) in blocks.enumerated() {
      lines[block.startLine - 1] += " swift cell=c\(index)"
    }
    let notebook = try NotebookParser.parse(text: lines.joined(separator: "\n"), path: "s.md")
    let runs = notebook.cells.map {
      CellRun(cellID: $0.id, output: "out \($0.id)\n", ending: .returned, simulatedTime: .zero)
    }
    let rendered = MarkdownRenderer.render(notebook, runs: runs)
    let outputs = Cmark.fencedCodeBlocks(in: rendered).filter { $0.info.hasPrefix("output") }
    #expect(outputs.map(\.literal) == notebook.cells.map { "out \($0.id)\n" })
    let cellsAgain = try NotebookParser.parse(text: rendered, path: "s.md").cells
    #expect(cellsAgain.map(\.code) == notebook.cells.map(\.code))
  }
}

import Testing

@testable import CarnetDocument

@Suite("Notebook: document order") struct NotebookDocumentOrderTests {
  private func block(_ id: String, line: Int, column: Int = 1, shared: Bool = false) -> Cell {
    var options = CellOptions()
    options.isShared = shared
    return Cell(
      id: id, options: options, code: "", location: SourceLocation(line: line, column: column),
      firstCodeLine: line + 1,
      layout: CellLayout(
        blockStart: 0, blockEnd: 0, openingPrefix: "", closingPrefix: "", lineEnding: "\n",
        closingFenceAtEndOfFile: false))
  }

  private func visited(_ notebook: Notebook, including: (Cell) -> Bool = { _ in true })
    -> [String]
  {
    var ids: [String] = []
    notebook.forEachBlockInDocumentOrder(includingCells: including) { ids.append($0.id) }
    return ids
  }

  /// What the merge must give: the stable sort of the filtered cells then the shared blocks.
  private func sorted(_ notebook: Notebook, including: (Cell) -> Bool = { _ in true })
    -> [String]
  {
    (notebook.cells.filter(including) + notebook.declarations)
      .sorted { $0.location < $1.location }.map(\.id)
  }

  @Test func mergesCellsAndSharedBlocksInOrder() {
    let notebook = Notebook(
      path: "a.md", name: "a", text: "",
      cells: [block("c1", line: 3), block("c2", line: 9), block("c3", line: 20)],
      declarations: [
        block("s0", line: 1, shared: true), block("s1", line: 9, column: 4, shared: true),
        block("s2", line: 12, shared: true), block("s3", line: 30, shared: true),
      ])
    #expect(visited(notebook) == ["s0", "c1", "c2", "s1", "s2", "c3", "s3"])
    #expect(visited(notebook) == sorted(notebook))
    let notC2 = { (cell: Cell) in cell.id != "c2" }
    #expect(visited(notebook, including: notC2) == ["s0", "c1", "s1", "s2", "c3", "s3"])
    #expect(visited(notebook, including: notC2) == sorted(notebook, including: notC2))
  }

  @Test func aCellComesBeforeASharedBlockAtTheSamePlace() {
    let notebook = Notebook(
      path: "a.md", name: "a", text: "", cells: [block("c", line: 5)],
      declarations: [block("s", line: 5, shared: true)])
    #expect(visited(notebook) == ["c", "s"])
    #expect(visited(notebook) == sorted(notebook))
  }

  @Test func sortsBlocksGivenOutOfOrder() {
    let notebook = Notebook(
      path: "a.md", name: "a", text: "",
      cells: [block("c2", line: 9), block("c1", line: 3)],
      declarations: [block("s2", line: 12, shared: true), block("s0", line: 1, shared: true)])
    #expect(visited(notebook) == ["s0", "c1", "c2", "s2"])
    #expect(visited(notebook) == sorted(notebook))
  }
}

extension Notebook {
  /// Calls `body` with each cell that `including` accepts and each shared block, in document
  /// order: the order `(cells.filter(including) + declarations).sorted { $0.location <
  /// $1.location }` gives (a stable sort, so a cell comes before a shared block at the same
  /// place). When both arrays are already in order, as a parsed lesson's are, they are merged
  /// without copying a cell.
  package func forEachBlockInDocumentOrder(
    includingCells including: (Cell) -> Bool = { _ in true }, _ body: (Cell) -> Void
  ) {
    guard Self.isInOrder(cells), Self.isInOrder(declarations) else {
      let blocks = (cells.filter(including) + declarations).sorted { $0.location < $1.location }
      for block in blocks { body(block) }
      return
    }
    var next = declarations.startIndex
    for cell in cells where including(cell) {
      while next < declarations.endIndex, declarations[next].location < cell.location {
        body(declarations[next])
        next += 1
      }
      body(cell)
    }
    for index in next..<declarations.endIndex { body(declarations[index]) }
  }

  private static func isInOrder(_ blocks: [Cell]) -> Bool {
    blocks.indices.dropFirst().allSatisfy { !(blocks[$0].location < blocks[$0 - 1].location) }
  }
}

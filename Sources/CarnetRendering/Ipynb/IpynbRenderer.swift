import CarnetDocument
import CarnetRuntime

/// Writes a rendered lesson as a Jupyter notebook (`Output/NAME.ipynb`, nbformat 4.5), for
/// readers who open courses in Jupyter, VS Code or GitHub's notebook viewer.
///
/// The lesson is cut at its cells' and shared blocks' fenced blocks (their byte ranges,
/// `Cell.layout`): the prose between them becomes Markdown cells (`md-1`, `md-2`…; front
/// matter dropped, blank prose skipped, blank lines around it trimmed, line endings `\n`); each
/// cell becomes a code cell `cell-ID` with its code, an execution count (1, 2, 3… in order)
/// and its outputs (`IpynbCell.outputs`); a shared block becomes a code cell with no count and
/// no output. A `hide=code` cell's source is collapsed. A cell inside a list item or a block
/// quote splits its container's prose around it. The notebook's kernel is `swift`.
///
/// The JSON is written by hand, byte for byte as nbformat would write the same notebook
/// (`JSONValue`): the same lesson and runs always give the same bytes.
package enum IpynbRenderer {
  /// Renders `notebook` with `runs[i]` shown under `notebook.cells[i]`.
  ///
  /// Runs in time linear in the size of the text and the outputs.
  /// - Precondition: `runs.count == notebook.cells.count`.
  package static func render(_ notebook: Notebook, runs: [CellRun]) -> String {
    precondition(
      runs.count == notebook.cells.count,
      "\(notebook.cells.count) cells but \(runs.count) runs for \(notebook.path)")
    let bytes = notebook.utf8
    var cells: [JSONValue] = []
    var markdownCount = 0
    func appendProse(_ range: Range<Int>) {
      let prose = String(decoding: bytes[range], as: UTF8.self)
      let source = IpynbText.trimmingBlankLines(IpynbText.normalizingLineEndings(prose))
      guard !source.isEmpty else { return }
      markdownCount += 1
      cells.append(IpynbCell.markdown(source, number: markdownCount))
    }
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var copied = notebook.markdown.frontMatter?.end ?? bom
    var executionCount = 0
    for block in blocks(of: notebook) {
      let layout = block.cell.layout
      precondition(layout.blockEnd <= bytes.count, "cell \(block.cell.id) lies outside the text")
      appendProse(copied..<max(copied, layout.blockStart))
      if let index = block.runIndex {
        executionCount += 1
        cells.append(
          IpynbCell.code(block.cell, run: runs[index], executionCount: executionCount))
      } else {
        cells.append(IpynbCell.code(block.cell, run: nil, executionCount: nil))
      }
      copied = max(copied, layout.blockEnd)
    }
    appendProse(copied..<bytes.count)
    let document: JSONValue = [
      "cells": .array(cells),
      "metadata": [
        "kernelspec": ["name": "swift", "display_name": "Swift", "language": "swift"],
        "language_info": ["name": "swift", "file_extension": ".swift"],
      ],
      "nbformat": 4,
      "nbformat_minor": 5,
    ]
    return document.text + "\n"
  }

  /// The cells (with the index of their run) and the shared blocks, in document order.
  private static func blocks(of notebook: Notebook) -> [(cell: Cell, runIndex: Int?)] {
    let cells = notebook.cells.enumerated().map { (cell: $1, runIndex: Optional($0)) }
    let shared = notebook.declarations.map { (cell: $0, runIndex: Int?.none) }
    return (cells + shared).sorted { $0.cell.layout.blockStart < $1.cell.layout.blockStart }
  }
}

import CarnetDocument
import CarnetRuntime

/// Writes a rendered lesson: the lesson's text, byte for byte, with each cell's output below it.
///
/// Right after a cell's closing fence line comes a fenced block with the info string
/// `output time=SECONDS` holding what the cell printed, then, when the cell ended abnormally, a
/// fenced block with the info string `error` holding `CellRun.errorText`. An empty output is
/// still shown as an empty block, unless there is an error block. Every line of these blocks
/// starts with the cell's `closingPrefix` (so they stay in the cell's list item or block quote)
/// and ends with the cell's `lineEnding`. A cell with `hide=code` is replaced by its blocks, the
/// first line of which uses the cell's `openingPrefix` (keeping a list item's marker).
///
/// A cell with `timeline=true` also gets, last, a fenced block with the info string `timeline`:
/// its tasks' lives drawn in text (`TimelineText`), in the language of the lesson's front
/// matter (`lang: fr`; English by default).
///
/// The renderer only formats: it does not know how cells ran.
package enum MarkdownRenderer {
  /// Renders `notebook` with `runs[i]` shown under `notebook.cells[i]`.
  /// - Precondition: as `renderUTF8(_:runs:)`'s.
  package static func render(_ notebook: Notebook, runs: [CellRun]) -> String {
    String(decoding: renderUTF8(notebook, runs: runs), as: UTF8.self)
  }

  /// `render(_:runs:)` as the UTF-8 bytes written to the file (a long lesson is not copied
  /// again into a String).
  ///
  /// Runs in time linear in the size of the text and the outputs.
  /// - Precondition: `runs.count == notebook.cells.count`, and the cells' layouts are in
  ///   document order and within the text.
  package static func renderUTF8(_ notebook: Notebook, runs: [CellRun]) -> [UInt8] {
    precondition(
      runs.count == notebook.cells.count,
      "\(notebook.cells.count) cells but \(runs.count) runs for \(notebook.path)")
    let language = notebook.markdown.frontMatter?.language ?? "en"
    let strings = PageStrings(language: language)
    return notebook.utf8.withUnsafeBufferPointer { source in
      var out: [UInt8] = []
      out.reserveCapacity(source.count + runs.reduce(0) { $0 + $1.output.utf8.count + 64 })
      var copied = 0
      for (cell, run) in zip(notebook.cells, runs) {
        let layout = cell.layout
        precondition(
          copied <= layout.blockStart && layout.blockStart <= layout.blockEnd
            && layout.blockEnd <= source.count,
          "cell \(cell.id) lies outside the text or overlaps the previous cell")
        let keptEnd = cell.options.hidesCode ? layout.blockStart : layout.blockEnd
        out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<keptEnd]))
        appendBlocks(for: cell, run: run, strings: strings, to: &out)
        copied = layout.blockEnd
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
      return out
    }
  }

  /// Appends the output, error and timeline blocks of one cell, after its block or in place of it.
  private static func appendBlocks(
    for cell: Cell, run: CellRun, strings: PageStrings, to out: inout [UInt8]
  ) {
    let layout = cell.layout
    let lineEnding = layout.lineEnding.isEmpty ? "\n" : layout.lineEnding
    let hides = cell.options.hidesCode
    var writer = OutputBlockWriter(
      firstPrefix: hides ? layout.openingPrefix : layout.closingPrefix,
      prefix: layout.closingPrefix, lineEnding: lineEnding)
    if layout.closingFenceAtEndOfFile && !hides {
      out.append(contentsOf: writer.lineEnding)
    }
    for block in OutputBlock.blocks(for: run, options: cell.options, strings: strings) {
      writer.write(block, to: &out)
    }
    if layout.closingFenceAtEndOfFile {
      out.removeLast(writer.lineEnding.count)
    }
  }
}

extension NotebookRun {
  /// The rendered Markdown document.
  package var renderedMarkdown: String { MarkdownRenderer.render(notebook, runs: runs) }
}

import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// Builds notebooks by hand for the renderer tests (no parser involved).
///
/// A cell is every line containing "```swift cell=ID"; its closing fence is the next line that is
/// a container prefix (spaces, `>`, `-`) followed by "```". Prefixes are the text before the
/// fences; offsets are UTF-8 byte offsets, computed from the text.
enum RenderFixture {
  /// A notebook for `text`, the cells found as described above; `hidden` cells get `hide=code`.
  static func notebook(_ text: String, hidden: Set<String> = []) -> Notebook {
    let lines = splitLines(text)
    var cells: [Cell] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard let fence = line.body.range(of: "```swift cell=") else {
        index += 1
        continue
      }
      let id = String(line.body[fence.upperBound...].prefix { $0 != " " })
      var options = CellOptions()
      options.hidesCode = hidden.contains(id)
      guard let closing = lines[(index + 1)...].firstIndex(where: isClosingFence) else {
        Issue.record("no closing fence for cell \(id)")
        return Notebook(path: "t.md", name: "t", text: text, cells: cells)
      }
      let closingLine = lines[closing]
      let ending = closingLine.ending.isEmpty ? lines[closing - 1].ending : closingLine.ending
      let layout = CellLayout(
        blockStart: line.start, blockEnd: closingLine.end,
        openingPrefix: String(line.body[..<fence.lowerBound]),
        closingPrefix: String(closingLine.body.dropLast(3)),
        lineEnding: ending, closingFenceAtEndOfFile: closingLine.ending.isEmpty)
      let code = lines[(index + 1)..<closing].map { $0.body + $0.ending }.joined()
      cells.append(
        Cell(
          id: id, options: options, code: code,
          location: CarnetDocument.SourceLocation(line: index + 1),
          firstCodeLine: index + 2, layout: layout))
      index = closing + 1
    }
    return Notebook(path: "t.md", name: "t", text: text, cells: cells)
  }

  /// A run that returned normally.
  static func run(_ output: String, seconds: Double = 0, id: String = "c") -> CellRun {
    CellRun(cellID: id, output: output, ending: .returned, simulatedTime: .seconds(seconds))
  }

  /// A run that threw `DemoError: description`.
  static func failed(
    _ output: String, _ description: String, seconds: Double = 0, id: String = "c"
  ) -> CellRun {
    CellRun(
      cellID: id, output: output, ending: .threw(type: "DemoError", description: description),
      simulatedTime: .seconds(seconds))
  }

  /// Renders `text` with `runs`, cells found as above.
  static func render(_ text: String, _ runs: [CellRun], hidden: Set<String> = []) -> String {
    MarkdownRenderer.render(notebook(text, hidden: hidden), runs: runs)
  }

  /// Expects `actual` and `expected` to be the same bytes (not merely canonically equivalent).
  static func expectSameBytes(
    _ actual: String, _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    if !actual.utf8.elementsEqual(expected.utf8) {
      Issue.record(
        "got    \(actual.debugDescription)\nwanted \(expected.debugDescription)",
        sourceLocation: sourceLocation)
    }
  }

  private struct Line {
    var start: Int
    var end: Int
    var body: String
    var ending: String
  }

  private static func isClosingFence(_ line: Line) -> Bool {
    line.body.hasSuffix("```") && line.body.dropLast(3).allSatisfy { " >-".contains($0) }
  }

  private static func splitLines(_ text: String) -> [Line] {
    let bytes = Array(text.utf8)
    var lines: [Line] = []
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      var bodyEnd = end
      if end < bytes.count {
        end += 1
        if bodyEnd > start, bytes[bodyEnd - 1] == UInt8(ascii: "\r") { bodyEnd -= 1 }
      }
      lines.append(
        Line(
          start: start, end: end,
          body: String(decoding: bytes[start..<bodyEnd], as: UTF8.self),
          ending: String(decoding: bytes[bodyEnd..<end], as: UTF8.self)))
      start = end
    }
    return lines
  }
}

import CarnetDocument
import CarnetRendering
import CarnetRuntime

/// One fuzz input: any bytes go through the parser, and the lessons that parse go through the
/// renderer. It checks Carnet's properties, not just the absence of crashes: a lesson without
/// cells renders unchanged, and rendering keeps every cell's code where the parser finds it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let notebook = try? NotebookParser.parse(bytes: bytes, path: "fuzz.md") else { return 0 }
  let runs = notebook.cells.enumerated().map { index, cell in
    CellRun(
      cellID: cell.id, output: index % 2 == 0 ? "sortie ``` \(index)\n" : "",
      ending: index % 3 == 0 ? .threw(type: "E", description: "x") : .returned,
      simulatedTime: .milliseconds(index))
  }
  let rendered = MarkdownRenderer.render(notebook, runs: runs)
  if notebook.cells.isEmpty {
    precondition(rendered == notebook.text, "a lesson without cells must render unchanged")
  }
  if let again = try? NotebookParser.parse(text: rendered, path: "fuzz.md") {
    precondition(
      again.cells.map(\.code) == notebook.cells.map(\.code),
      "rendering must keep every cell where the parser finds it")
  }
  return 0
}

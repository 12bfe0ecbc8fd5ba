import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// Round-trip properties on generated documents with random nesting of lists, block quotes and
/// fences (tagged and untagged), LF or CRLF, with or without a final newline.
@Suite struct GeneratedDocumentTests {
  /// Builds a random document from a seed.
  struct DocumentGenerator {
    var random: SeededGenerator
    var cellCount = 0

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func pick<T>(_ choices: [T]) -> T {
      choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    /// Lines of a block sequence at nesting `depth`.
    mutating func blocks(depth: Int) -> [String] {
      var lines: [String] = []
      for index in 0..<Int.random(in: 1...4, using: &random) {
        if index > 0 { lines.append("") }
        lines += block(depth: depth)
      }
      return lines
    }

    mutating func block(depth: Int) -> [String] {
      let kinds =
        depth < 3
        ? ["paragraph", "fence", "cell", "list", "quote", "heading"]
        : ["paragraph", "fence", "cell"]
      switch pick(kinds) {
      case "paragraph":
        return [pick(["Du texte.", "Un *mot* et `du code`.", "Ligne avec ``` dedans"])]
      case "heading":
        return [pick(["# Titre", "## Sous-titre"])]
      case let kind where kind == "fence" || kind == "cell":
        let fence = String(repeating: pick(["`", "~"]), count: pick([3, 4]))
        var info = pick(["", "swift", "python"])
        if kind == "cell", cellCount < 50 {
          info = "swift cell=c\(cellCount)"
          cellCount += 1
        }
        let body = (0..<Int.random(in: 0...3, using: &random)).map { _ in
          pick(["let x = 1", "  print(x)", "", "``", "// fin"])
        }
        return [fence + info] + body + [fence]
      case "list":
        let marker = pick(["- ", "* ", "1. "])
        let indent = String(repeating: " ", count: marker.count)
        var lines: [String] = []
        for item in 0..<Int.random(in: 1...3, using: &random) {
          if item > 0, pick([true, false]) { lines.append("") }
          let inner = blocks(depth: depth + 1)
          for (offset, line) in inner.enumerated() {
            lines.append(offset == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
          }
        }
        return lines
      default:
        return blocks(depth: depth + 1).map { $0.isEmpty ? ">" : "> " + $0 }
      }
    }

    /// A whole document.
    mutating func document() -> String {
      let ending = pick(["\n", "\r\n"])
      let text = blocks(depth: 0).joined(separator: ending)
      return pick([true, false]) ? text + ending : text
    }
  }

  static let seeds: [UInt64] = Array(1...400)

  /// The generator really produces nested cells, so the properties below are not vacuous.
  @Test func generatedDocumentsHoldNestedCells() {
    var cells: [Cell] = []
    for seed in Self.seeds {
      var generator = DocumentGenerator(seed: seed)
      cells += (try? NotebookParser.parse(text: generator.document(), path: "g.md").cells) ?? []
    }
    #expect(cells.count > 300)
    #expect(cells.filter { $0.layout.closingPrefix.contains(">") }.count > 30)
    #expect(cells.filter { $0.layout.closingPrefix.hasPrefix("  ") }.count > 30)
    #expect(cells.filter { $0.layout.lineEnding == "\r\n" }.count > 30)
  }

  @Test(arguments: seeds)
  func outputsLandUnderTheirCellsAndEverythingElseIsKept(seed: UInt64) throws {
    var generator = DocumentGenerator(seed: seed)
    let text = generator.document()
    let notebook: Notebook
    do {
      notebook = try NotebookParser.parse(text: text, path: "g.md")
    } catch {
      // Only unclosed cell fences may be refused.
      #expect(error.diagnostics.allSatisfy { $0.message.contains("no closing fence") })
      return
    }
    let runs = notebook.cells.map {
      CellRun(cellID: $0.id, output: "sortie \($0.id)\n", ending: .returned, simulatedTime: .zero)
    }
    let rendered = MarkdownRenderer.render(notebook, runs: runs)
    let outputs = Cmark.fencedCodeBlocks(in: rendered).filter { $0.info.hasPrefix("output") }
    #expect(outputs.map(\.literal) == notebook.cells.map { "sortie \($0.id)\n" }, "\(text)")
    let again = try NotebookParser.parse(text: rendered, path: "g.md")
    #expect(again.cells.map(\.code) == notebook.cells.map(\.code))
    #expect(again.cells.map(\.id) == notebook.cells.map(\.id))
  }

  @Test(arguments: seeds)
  func documentsWithoutTaggedCellsRenderUnchanged(seed: UInt64) throws {
    var generator = DocumentGenerator(seed: seed)
    let text = generator.document().replacingOccurrences(of: "swift cell=", with: "swift id=")
      .replacingOccurrences(of: "id=", with: "note")
    let notebook = try NotebookParser.parse(text: text, path: "g.md")
    #expect(notebook.cells.isEmpty)
    #expect(MarkdownRenderer.render(notebook, runs: []) == text)
  }
}

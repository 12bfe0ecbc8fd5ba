import Foundation
import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// The 652 examples of the CommonMark 0.30 specification, which cmark 0.30.2 implements.
@Suite("Markdown: CommonMark corpus") struct MarkdownCommonMarkCorpusTests {
  /// One example: its number (1-based), Markdown and expected HTML.
  struct Example: Sendable, CustomTestStringConvertible {
    var number: Int
    var markdown: String
    var html: String
    var testDescription: String { "example \(number)" }
  }

  static let examples: [Example] = loadExamples()

  /// Reads `shared/corpus/commonmark-spec-0.30.txt`: from `$CARNET_CORPUS`, else next to the
  /// repository (`../shared`, where CI has it too), else `/work/shared`.
  static func loadExamples() -> [Example] {
    let name = "shared/corpus/commonmark-spec-0.30.txt"
    let candidates: [String?] = [
      ProcessInfo.processInfo.environment["CARNET_CORPUS"],
      URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../" + name).standardized.path,
      "/work/" + name,
    ]
    let spec = candidates.compactMap { $0 }.lazy
      .compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.first
    guard let spec else { return [] }
    let fence = String(repeating: "`", count: 32)
    var examples: [Example] = []
    var markdown: [String]? = nil
    var html: [String]? = nil
    for line in spec.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line == fence + " example" {
        markdown = []
      } else if line == fence, let markdownLines = markdown, let htmlLines = html {
        let number = examples.count + 1
        examples.append(
          Example(number: number, markdown: joined(markdownLines), html: joined(htmlLines)))
        markdown = nil
        html = nil
      } else if html != nil {
        html?.append(line)
      } else if line == ".", markdown != nil {
        html = []
      } else {
        markdown?.append(line)
      }
    }
    return examples
  }

  private static func joined(_ lines: [String]) -> String {
    lines.map { $0.replacingOccurrences(of: "→", with: "\t") + "\n" }.joined()
  }

  @Test func corpusIsComplete() {
    #expect(Self.examples.count == 652)
    #expect(Self.examples.first?.markdown == "\tfoo\tbaz\t\tbim\n")
    #expect(Self.examples.last?.html == "<p>Multiple     spaces</p>\n")
  }

  @Test(arguments: examples)
  func rendersAsTheSpecificationSays(example: Example) {
    let document = MarkdownDocument.parse(example.markdown)
    let html = document.renderHTML(safe: false)
    guard document.frontMatter == nil else {
      // A lesson's front matter is not Markdown: what follows it renders as the spec says.
      #expect([96, 98].contains(example.number))
      #expect(example.html.hasSuffix(html) && html.count < example.html.count)
      return
    }
    #expect(html == example.html)
  }

  @Test(arguments: examples)
  func parsesWithoutCells(example: Example) throws {
    let notebook = try NotebookParser.parse(text: example.markdown, path: "spec.md")
    #expect(notebook.cells.isEmpty)
    #expect(notebook.text == example.markdown)
  }

  /// Every fenced block cmark finds shows up in the expected HTML as a `<pre><code>` element
  /// with its language and literal, each element accounting for at most one block.
  @Test(arguments: examples)
  func fencedBlocksAppearInTheHTML(example: Example) {
    var html = Substring(example.html)
    for block in Cmark.fencedCodeBlocks(in: example.markdown) {
      let language = block.info.split(whereSeparator: \.isWhitespace).first.map {
        " class=\"language-\(escaped(String($0)))\""
      }
      let element = "<pre><code\(language ?? "")>\(escaped(block.literal))</code></pre>"
      guard let range = html.range(of: element) else {
        Issue.record("no \(element) in \(html)")
        return
      }
      html = html[range.upperBound...]
    }
  }

  /// The fences found in the corpus, checked against cmark's own fence fields (`fenced`,
  /// `fence_char`, `fence_length`), which cmark 0.30's API does not expose: (example, opening
  /// fence, character, length, closing fence or nil).
  static let fences: [(Int, String, Character, Int, String?)] = [
    (19, "1:1", "~", 3, "3:1"), (24, "1:1", "`", 3, "3:1"), (34, "1:1", "`", 3, "3:1"),
    (119, "1:1", "`", 3, "4:1"), (120, "1:1", "~", 3, "4:1"),
    (122, "1:1", "`", 3, "4:1"), (123, "1:1", "~", 3, "4:1"),
    (124, "1:1", "`", 4, "4:1"), (125, "1:1", "~", 4, "4:1"), (126, "1:1", "`", 3, nil),
    (127, "1:1", "`", 5, nil), (128, "1:3", "`", 3, nil), (129, "1:1", "`", 3, "4:1"),
    (130, "1:1", "`", 3, "2:1"), (131, "1:2", "`", 3, "4:1"),
    (132, "1:3", "`", 3, "5:3"), (133, "1:4", "`", 3, "5:4"),
    (135, "1:1", "`", 3, "3:3"), (136, "1:4", "`", 3, "3:3"), (137, "1:1", "`", 3, nil),
    (139, "1:1", "~", 6, nil), (140, "2:1", "`", 3, "4:1"), (141, "3:1", "~", 3, "5:1"),
    (142, "1:1", "`", 3, "5:1"), (143, "1:1", "~", 4, "5:1"),
    (144, "1:1", "`", 4, "2:1"), (146, "1:1", "~", 3, "3:1"),
    (147, "1:1", "`", 3, "3:1"), (212, "1:1", "`", 3, "3:1"), (237, "1:3", "`", 3, nil),
    (237, "3:1", "`", 3, nil), (263, "3:5", "`", 3, "5:5"), (278, "4:3", "`", 3, "6:3"),
    (318, "2:3", "`", 3, "6:3"), (321, "3:3", "`", 3, "5:3"),
    (324, "1:4", "`", 3, "3:4"),
  ]

  @Test func fencesMatchCmarksOwnFields() {
    var found: [String] = []
    for example in Self.examples {
      for block in Cmark.fencedCodeBlocks(in: example.markdown) {
        let opening = SourceLocation(line: block.startLine, column: block.startColumn)
        found.append(
          "\(example.number) \(opening) \(block.fenceCharacter) \(block.fenceLength)"
            + " \(block.closingFence.map(\.description) ?? "open")")
      }
    }
    let expected = Self.fences.map { "\($0.0) \($0.1) \($0.2) \($0.3) \($0.4 ?? "open")" }
    #expect(found == expected)
  }

  /// Tagging every fenced block without an info string as a cell finds each of them where cmark
  /// found it, with a layout whose bytes hold its fences; the unclosed ones are errors.
  @Test(arguments: examples)
  func taggedFencesBecomeCells(example: Example) throws {
    let blocks = Cmark.fencedCodeBlocks(in: example.markdown).filter(\.info.isEmpty)
    guard !blocks.isEmpty else { return }
    var lines = example.markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    for (index, block) in blocks.enumerated() {
      lines[block.startLine - 1] += " swift cell=c\(index)"
    }
    let text = lines.joined(separator: "\n")
    let ids = blocks.indices.map { "c\($0)" }
    let unclosed = zip(ids, blocks).filter { !$0.1.isClosed }.map { id, block in
      let location = SourceLocation(line: block.startLine, column: block.startColumn)
      let message = "cell '\(id)' has no closing fence"
      return Diagnostic(path: "s.md", location: location, message: message).description
    }
    do {
      let cells = try NotebookParser.parse(text: text, path: "s.md").cells
      #expect(unclosed.isEmpty)
      #expect(cells.map(\.id) == ids)
      #expect(cells.map(\.code) == blocks.map(\.literal))
      #expect(cells.map(\.location.line) == blocks.map(\.startLine))
      let bytes = Array(text.utf8)
      for (cell, block) in zip(cells, blocks) {
        let layout = cell.layout
        let slice = String(decoding: bytes[layout.blockStart..<layout.blockEnd], as: UTF8.self)
        let fence = String(repeating: block.fenceCharacter, count: block.fenceLength)
        #expect(slice.hasPrefix(layout.openingPrefix + fence))
        let lastLine = slice.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix(layout.closingPrefix + fence))
        #expect(layout.blockEnd == bytes.count || slice.hasSuffix("\n"))
      }
    } catch {
      #expect(error.diagnostics.map(\.description) == unclosed)
    }
  }

  private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}

import Testing

@testable import CarnetDocument

@Suite("Markdown: Cmark") struct MarkdownCmarkTests {
  private func block(_ text: String) throws -> FencedCodeBlock {
    let blocks = Cmark.fencedCodeBlocks(in: text)
    #expect(blocks.count == 1)
    return try #require(blocks.first)
  }

  /// cmark's memory comes from an arena per document (small blocks carved from 1 MB slabs,
  /// large ones malloc'd): a text spanning many slabs, with code blocks and paragraphs larger
  /// than a carved block, parses and renders as cmark's own allocator would make it, any number
  /// of times, from several threads at once.
  @Test func longDocumentsParseAndRenderFromTheirArenas() async throws {
    let bigCode = String(repeating: "let x = 1 // une ligne de code assez longue\n", count: 2_000)
    let bigParagraph = String(repeating: "du *texte* `code` [lien](u) ", count: 3_000)
    let unit = "# Titre\n\n```swift\n\(bigCode)```\n\n\(bigParagraph)\n\n- a\n- *b*\n\n> c\n\n"
    let text = String(repeating: unit, count: 20)  // about 3.5 MB
    let blocks = Cmark.fencedCodeBlocks(in: text)
    #expect(blocks.count == 20)
    #expect(blocks.allSatisfy { $0.literal == bigCode })
    let expected = MarkdownDocument.parse(unit).renderHTML(safe: true)
    #expect(expected.contains("<em>texte</em>"))
    let pages = await withTaskGroup(of: String.self) { group in
      for _ in 0..<4 {
        group.addTask {
          let document = MarkdownDocument.parse(text)
          _ = document.renderHTML(safe: true)
          return document.renderHTML(safe: true)
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(pages.count == 4)
    #expect(pages.allSatisfy { $0 == String(repeating: expected, count: 20) })
  }

  @Test func topLevelBlock() throws {
    let block = try block("# Title\n\n```swift cell=a\nlet x = 1\n```\n")
    #expect(block.info == "swift cell=a")
    #expect(block.literal == "let x = 1\n")
    #expect(block.startLine == 3)
    #expect(block.startColumn == 1)
    #expect(block.endLine == 5)
    #expect(block.fenceCharacter == "`")
    #expect(block.fenceLength == 3)
    #expect(block.closingFence == SourceLocation(line: 5, column: 1))
  }

  @Test func indentedFence() throws {
    let block = try block("  ```` swift\n   code\n  `````  \n")
    #expect(block.startColumn == 3)
    #expect(block.fenceLength == 4)
    #expect(block.literal == " code\n")
    #expect(block.closingFence == SourceLocation(line: 3, column: 3))
  }

  @Test func listItem() throws {
    let block = try block("- item\n\n  ```swift\n  code\n  ```\n- next\n")
    #expect(block.startLine == 3)
    #expect(block.startColumn == 3)
    #expect(block.literal == "code\n")
    #expect(block.closingFence == SourceLocation(line: 5, column: 3))
  }

  @Test func fenceOnTheListMarkerLine() throws {
    let block = try block("1.  ```swift\n    code\n    ```\n")
    #expect(block.startColumn == 5)
    #expect(block.closingFence == SourceLocation(line: 3, column: 5))
  }

  @Test func blockQuote() throws {
    let block = try block("> quoted\n>\n>  ```swift\n>  code\n> ```\n")
    #expect(block.startLine == 3)
    #expect(block.startColumn == 4)
    #expect(block.literal == "code\n")
    #expect(block.closingFence == SourceLocation(line: 5, column: 3))
  }

  @Test func quoteInList() throws {
    let block = try block("- > ```swift\n  > code\n  > ```\n")
    #expect(block.startColumn == 5)
    #expect(block.literal == "code\n")
    #expect(block.closingFence == SourceLocation(line: 3, column: 5))
  }

  @Test func listInQuote() throws {
    let block = try block("> 1. ```swift\n>    code\n>    ```\n")
    #expect(block.startColumn == 6)
    #expect(block.literal == "code\n")
    #expect(block.closingFence == SourceLocation(line: 3, column: 6))
  }

  @Test func tildes() throws {
    let block = try block("~~~~ swift\ncode with ``` inside\n~~~\n~~~~~\n")
    #expect(block.fenceCharacter == "~")
    #expect(block.fenceLength == 4)
    #expect(block.literal == "code with ``` inside\n~~~\n")
    #expect(block.closingFence == SourceLocation(line: 4, column: 1))
  }

  @Test func crlf() throws {
    let block = try block("text\r\n\r\n```swift\r\na\r\nb\r\n```\r\n")
    #expect(block.startLine == 3)
    #expect(block.literal == "a\nb\n")
    #expect(block.closingFence == SourceLocation(line: 6, column: 1))
  }

  @Test func byteOrderMarkIsNotColumns() throws {
    let block = try block("\u{FEFF}```swift\ncode\n```\n")
    #expect(block.startColumn == 1)
    #expect(block.closingFence == SourceLocation(line: 3, column: 1))
  }

  @Test func nestedBlocksInDocumentOrder() {
    let text = "```a\n```\n\n- ```b\n  ```\n  > ```c\n  > ```\n\n> ```d\n> ```\n"
    #expect(Cmark.fencedCodeBlocks(in: text).map(\.info) == ["a", "b", "c", "d"])
    #expect(Cmark.fencedCodeBlocks(in: text).map(\.startLine) == [1, 4, 6, 9])
  }

  @Test func indentedCodeBlocksAreNotFenced() {
    #expect(Cmark.fencedCodeBlocks(in: "    ```\n    code\n").isEmpty)
    #expect(Cmark.fencedCodeBlocks(in: "\t```\n").isEmpty)
    #expect(Cmark.fencedCodeBlocks(in: "para\n\n    let x = 1\n").isEmpty)
  }

  @Test func emptyBlocks() throws {
    #expect(try block("```\n```").closingFence == SourceLocation(line: 2, column: 1))
    #expect(try block("```swift\n```\n").literal == "")
  }

  @Test func unclosedAtEndOfDocument() throws {
    #expect(try block("```swift\ncode\n").closingFence == nil)
    #expect(try block("```swift\n").closingFence == nil)
    #expect(try block("```swift").closingFence == nil)
    #expect(try block("```swift\ncode\n\n\n").closingFence == nil)
    #expect(try block("```\n> ```").closingFence == nil)
  }

  @Test func endedByItsContainer() {
    // cmark's end line is then the line after the code, even when it looks like a fence.
    let quoted = Cmark.fencedCodeBlocks(in: "> ```swift\n> code\n```\n")
    #expect(quoted.map(\.endLine) == [3, 3])
    #expect(quoted.map(\.isClosed) == [false, false])
    let listed = Cmark.fencedCodeBlocks(in: "- ```swift\n  code\n- ```\n  ```\n")
    #expect(listed.map(\.endLine) == [3, 4])
    #expect(listed.map(\.isClosed) == [false, true])
    let blank = Cmark.fencedCodeBlocks(in: "> ```swift\n> code\n\n```\n")
    #expect(blank.first?.isClosed == false)
  }

  @Test func codeLineThatEndsWithFenceCharacters() throws {
    #expect(try block("```\nfoo ```\n").closingFence == nil)
    #expect(try block("````\n```\n````\n").literal == "```\n")
  }

  @Test func renderHTMLSafe() {
    let markdown = "<b>hi</b> [x](javascript:alert(1))\n\n<div>raw</div>\n"
    let safe = MarkdownDocument.parse(markdown).renderHTML(safe: true)
    #expect(!safe.contains("<b>"))
    #expect(!safe.contains("javascript:"))
    #expect(!safe.contains("<div>"))
    #expect(safe.contains("<!-- raw HTML omitted -->"))
  }

  @Test func renderHTMLUnsafe() {
    let markdown = "<b>hi</b> [x](javascript:alert(1))\n\n<div>raw</div>\n"
    let unsafe = MarkdownDocument.parse(markdown).renderHTML(safe: false)
    #expect(
      unsafe == "<p><b>hi</b> <a href=\"javascript:alert(1)\">x</a></p>\n<div>raw</div>\n")
  }

  @Test func renderHTMLCode() {
    #expect(
      MarkdownDocument.parse("```swift\na < b\n```\n").renderHTML(safe: true)
        == "<pre><code class=\"language-swift\">a &lt; b\n</code></pre>\n")
    #expect(MarkdownDocument.parse("").renderHTML(safe: true) == "")
  }

  @Test func renderingPutsTheTreeBack() {
    let document = MarkdownDocument.parse("a\n\n```x\ny\n```\n")
    var replaced: [UInt8] = []
    document.renderHTML(safe: true, appendingTo: &replaced) { _ in
      Array("<hr class=\"mine\" />\n".utf8)
    }
    #expect(String(decoding: replaced, as: UTF8.self) == "<p>a</p>\n<hr class=\"mine\" />\n")
    #expect(
      document.renderHTML(safe: true)
        == "<p>a</p>\n<pre><code class=\"language-x\">y\n</code></pre>\n")
  }

  @Test func firstHeading() {
    #expect(MarkdownDocument.parse("Text\n").firstHeading == nil)
    #expect(MarkdownDocument.parse("# One\ntwo\n\n# Three").firstHeading == "One")
    #expect(MarkdownDocument.parse("A\nb\n---\n").firstHeading == "A b")
    #expect(MarkdownDocument.parse("> - ## *A* `b` <i>c</i>\n").firstHeading == "A b c")
  }

  @Test func frontMatterIsNotMarkdown() {
    let text = "---\ntitle: x\n```\n---\n# T\n\n```swift cell=a\n```\n"
    let document = MarkdownDocument.parse(text)
    #expect(document.frontMatter?.end == 21)
    #expect(document.firstHeading == "T")
    #expect(Cmark.fencedCodeBlocks(in: text).map(\.startLine) == [7])
    #expect(document.renderHTML(safe: true).hasPrefix("<h1>T</h1>\n"))
  }
}

@Suite("Markdown: Cmark's kept code blocks") struct CmarkKeptCodeBlocksTests {
  /// A parse copies out only the code blocks its filter accepts (by info string); the others
  /// stay in the tree, and the page renders them.
  @Test func aParseKeepsOnlyTheCodeBlocksItIsAskedFor() {
    let text =
      "```swift cell=a\nlet a = 1\n```\n\n```python\nx = 1\n```\n\n    indenté\n\n"
      + "~~~swift\nb\n~~~\n"
    let parse = Cmark.parse(text) { CellTag.mayTagCell($0) }
    #expect(parse.codeBlocks.map(\.info) == ["swift cell=a", "swift"])
    #expect(parse.codeBlocks.map(\.startLine) == [1, 11])
    #expect(Cmark.parse(text).codeBlocks.count == 4)
    let html = parse.document.renderHTML(safe: true)
    #expect(html.contains("x = 1") && html.contains("indenté"))
  }
}

@Suite("Markdown: Cmark's page, a batch of blocks at a time") struct CmarkBatchedRenderTests {
  /// The page of a text longer than many batches, with code blocks replaced at the top level
  /// and inside lists and quotes, is the pages of its parts joined (each part ends its lists),
  /// and rendering again gives the same page: the tree was put back as it was.
  @Test func aLongPageIsItsPartsJoined() {
    func part(_ index: Int) -> String {
      let fence =
        index % 3 == 0 ? "```swift\nreplace \(index)\n```\n" : "```\ngarde \(index)\n```\n"
      return "# Partie \(index)\n\n\(fence)\n- un *\(index)*\n"
        + "- ```swift\n  replace dans \(index)\n  ```\n\n"
        + "> ```swift\n> replace cité \(index)\n> ```\n\nfin \(index)\n\n"
    }
    func page(_ document: MarkdownDocument) -> String {
      var html: [UInt8] = []
      document.renderHTML(safe: true, appendingTo: &html) { block in
        block.literal.hasPrefix("replace") ? Array("<r>\(block.startLine)</r>\n".utf8) : nil
      }
      return String(decoding: html, as: UTF8.self)
    }
    let parts = (0..<200).map(part)
    // Each part alone starts on line 1: its replacements name lines from there.
    var expected = ""
    var line = 0
    for part in parts {
      let alone = page(MarkdownDocument.parse(part))
      expected += alone.replacing(/<r>(\d+)<\/r>/) {
        "<r>\(Int($0.1).map { $0 + line } ?? -1)</r>"
      }
      line += part.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }
    let document = MarkdownDocument.parse(parts.joined())
    let first = page(document)
    #expect(first == expected)
    #expect(page(document) == first)
    #expect(expected.contains("<r>") && expected.contains("garde 199"))
  }
}

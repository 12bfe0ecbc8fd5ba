import Testing

@testable import CarnetDocument

@Suite("Notebook: NotebookParser") struct NotebookParserTests {
  private func parse(_ text: String, path: String = "lessons/intro.md") throws -> Notebook {
    try NotebookParser.parse(text: text, path: path)
  }

  private func diagnostics(_ bytes: [UInt8], path: String = "l.md") -> [String] {
    do {
      _ = try NotebookParser.parse(bytes: bytes, path: path)
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  private func diagnostics(_ text: String) -> [String] { diagnostics(Array(text.utf8)) }

  /// The bytes of the block that `layout` covers.
  private func slice(_ text: String, _ layout: CellLayout) -> String {
    let bytes = Array(text.utf8)
    return String(decoding: bytes[layout.blockStart..<layout.blockEnd], as: UTF8.self)
  }

  @Test func nameAndText() throws {
    let notebook = try parse("# Hi\n", path: "lessons/01-intro.md")
    #expect(notebook.name == "01-intro")
    #expect(notebook.path == "lessons/01-intro.md")
    #expect(notebook.text == "# Hi\n")
    #expect(try parse("", path: "notes.markdown").name == "notes.markdown")
    #expect(try parse("", path: "plain").name == "plain")
  }

  @Test("the front matter is not Markdown: no cell in it, and it opens nothing after it")
  func frontMatter() throws {
    let text =
      "---\r\ntitle: x\r\n```swift cell=a\r\n...\r\n# T\r\n\r\n"
      + "```swift cell=b\r\nf()\r\n```\r\n"
    let notebook = try parse(text)
    #expect(notebook.cells.map(\.id) == ["b"])
    #expect(notebook.cells.first?.location == SourceLocation(line: 7, column: 1))
    #expect(
      slice(text, try #require(notebook.cells.first).layout) == "```swift cell=b\r\nf()\r\n```\r\n")
    #expect(notebook.markdown.frontMatter?.end == 37)
    #expect(notebook.markdown.firstHeading == "T")
  }

  /// cmark 0.30 is quadratic on runs of image openers: 30,000 `![[]()` take it about a second
  /// (160,000, minutes). Under a limit of 100 ms the lesson is refused with one line naming the
  /// cause, its count and the line of the first; the parse left behind ends on its own.
  @Test func aLessonCmarkCannotParseInTimeIsRefusedNamingTheCause() {
    let text = "# Images\n\nTexte.\n\n" + String(repeating: "![[]()", count: 30_000) + "\n"
    do {
      _ = try NotebookParser.parse(text: text, path: "l.md", timeLimit: .milliseconds(100))
      Issue.record("parsed in time")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "l.md: error: cmark could not parse this lesson within 0.1 s: it holds 30000 image"
            + " openers '![' (the first on line 5), and cmark 0.30 takes time quadratic in their"
            + " number within a paragraph; split them into shorter paragraphs or escape them"
            + " ('\\![')"
        ])
    }
  }

  @Test func anOrdinaryLessonParsesWellWithinTheLimit() throws {
    let text = String(repeating: "Du *texte* et ![une image](i.png).\n\n", count: 2_000)
    let notebook = try NotebookParser.parse(text: text, path: "l.md", timeLimit: .seconds(5))
    #expect(notebook.text == text)
  }

  @Test func emptyFile() throws {
    let notebook = try NotebookParser.parse(bytes: [], path: "empty.md")
    #expect(notebook.cells.isEmpty)
    #expect(notebook.text == "")
    #expect(notebook.name == "empty")
  }

  @Test func topLevelCell() throws {
    let text = "# Lesson\n\n```swift cell=hello seed=3\nprint(\"hi\")\n```\n\nMore.\n"
    let cell = try #require(try parse(text).cells.first)
    #expect(cell.id == "hello")
    #expect(cell.options.seed == 3)
    #expect(cell.code == "print(\"hi\")\n")
    #expect(cell.location == SourceLocation(line: 3, column: 1))
    #expect(cell.firstCodeLine == 4)
    #expect(
      cell.layout
        == CellLayout(
          blockStart: 10, blockEnd: 53, openingPrefix: "", closingPrefix: "", lineEnding: "\n",
          closingFenceAtEndOfFile: false))
    #expect(slice(text, cell.layout) == "```swift cell=hello seed=3\nprint(\"hi\")\n```\n")
  }

  @Test(arguments: [
    ("- item\n\n  ```swift cell=a\n  code\n  ```\n", "- item\n\n", "  ", "  ", 3),
    ("- ```swift cell=a\n  code\n  ```\n- next\n", "", "- ", "  ", 3),
    ("> ```swift cell=a\n> code\n> ```\n", "", "> ", "> ", 3),
    ("> 1. ```swift cell=a\n>    code\n>    ```\n", "", "> 1. ", ">    ", 6),
    ("   ```swift cell=a\ncode\n ```\n", "", "   ", " ", 4),
    ("text\n\n- > ```swift cell=a\n  > code\n  > ```\n", "text\n\n", "- > ", "  > ", 5),
  ])
  func layoutsInContainers(
    text: String, before: String, openingPrefix: String, closingPrefix: String, column: Int
  ) throws {
    let cell = try #require(try parse(text).cells.first)
    #expect(cell.code == "code\n")
    #expect(cell.location.column == column)
    #expect(cell.layout.openingPrefix == openingPrefix)
    #expect(cell.layout.closingPrefix == closingPrefix)
    #expect(cell.layout.blockStart == before.utf8.count)
    let block = slice(text, cell.layout)
    #expect(block.hasPrefix(openingPrefix + "```swift cell=a\n"))
    #expect(block.hasSuffix("\n" + closingPrefix + "```\n"))
  }

  @Test func closingFenceWithTrailingSpaces() throws {
    let text = "~~~~ swift cell=a\ncode\n~~~~~~  \t\nafter\n"
    let cell = try #require(try parse(text).cells.first)
    #expect(slice(text, cell.layout) == "~~~~ swift cell=a\ncode\n~~~~~~  \t\n")
  }

  @Test func crlf() throws {
    let text = "# T\r\n\r\n```swift cell=a\r\nlet x = 1\r\n```\r\nend\r\n"
    let cell = try #require(try parse(text).cells.first)
    #expect(cell.code == "let x = 1\n")
    #expect(cell.location.line == 3)
    #expect(cell.layout.lineEnding == "\r\n")
    #expect(!cell.layout.closingFenceAtEndOfFile)
    #expect(slice(text, cell.layout) == "```swift cell=a\r\nlet x = 1\r\n```\r\n")
  }

  @Test func closingFenceAtEndOfFileWithoutNewline() throws {
    let text = "```swift cell=a\ncode\n```"
    let cell = try #require(try parse(text).cells.first)
    #expect(cell.layout.closingFenceAtEndOfFile)
    #expect(cell.layout.blockEnd == text.utf8.count)
    #expect(cell.layout.lineEnding == "\n")
    let crlf = "```swift cell=a\r\ncode\r\n```"
    #expect(try #require(try parse(crlf).cells.first).layout.lineEnding == "\r\n")
    let single = "```swift cell=a\n```"
    #expect(try #require(try parse(single).cells.first).code == "")
  }

  @Test func lineEndingComesFromTheClosingLine() throws {
    let text = "```swift cell=a\r\ncode\n```\n"
    #expect(try #require(try parse(text).cells.first).layout.lineEnding == "\n")
  }

  @Test func byteOrderMark() throws {
    let text = "\u{FEFF}```swift cell=a\ncode\n```\n"
    let notebook = try parse(text)
    #expect(notebook.text == text)
    let cell = try #require(notebook.cells.first)
    #expect(cell.location == SourceLocation(line: 1, column: 1))
    #expect(cell.layout.blockStart == 3)
    #expect(slice(text, cell.layout) == "```swift cell=a\ncode\n```\n")
  }

  @Test func cellsInDocumentOrder() throws {
    let text = """
      ```swift cell=one
      1
      ```

      - ```swift cell=two
        2
        ```

      > ```swift cell=three hide=code
      > 3
      > ```

      """
    let cells = try parse(text).cells
    #expect(cells.map(\.id) == ["one", "two", "three"])
    #expect(cells.map(\.code) == ["1\n", "2\n", "3\n"])
    #expect(cells.map(\.location.line) == [1, 5, 9])
    #expect(cells.map(\.firstCodeLine) == [2, 6, 10])
    #expect(cells[2].options.hidesCode)
  }

  @Test func proseBlocksAreIgnored() throws {
    let text = """
      ```swift
      untagged()
      ```

      ```swift x y
      ```

      ```python cell=a
      ```

      ```
      plain
      ```

          indented swift cell=b

      ``` swift cell=spaced
      ok
      ```

      """
    #expect(try parse(text).cells.map(\.id) == ["spaced"])
  }

  @Test func unclosedFence() {
    #expect(
      diagnostics("text\n\n```swift cell=open\ncode\n")
        == ["l.md:3: error: cell 'open' has no closing fence"])
    #expect(
      diagnostics("```swift cell=open") == ["l.md:1: error: cell 'open' has no closing fence"])
    #expect(
      diagnostics("- ```swift cell=open\n  code\n- ```\n")
        == ["l.md:1:3: error: cell 'open' has no closing fence"])
    #expect(
      diagnostics("> ```swift cell=open\n> code\n```\n")
        == ["l.md:1:3: error: cell 'open' has no closing fence"])
  }

  @Test func unclosedUntaggedBlocksAreFine() throws {
    #expect(try parse("```swift\ncode\n").cells.isEmpty)
    #expect(try parse("```\ncode\n").cells.isEmpty)
  }

  @Test func invalidUTF8() {
    #expect(
      diagnostics([0x61, 0x0A, 0x62, 0xC3, 0x28, 0x0A])
        == ["l.md:2: error: not valid UTF-8 (first bad byte at offset 3)"])
    #expect(diagnostics([0xFF]) == ["l.md:1: error: not valid UTF-8 (first bad byte at offset 0)"])
    #expect(
      diagnostics(Array("é\n\n".utf8) + [0xE2, 0x82])
        == ["l.md:3: error: not valid UTF-8 (first bad byte at offset 4)"])
    // Overlong encodings and surrogates are not UTF-8 either.
    #expect(
      diagnostics([0x61, 0x0A, 0xC0, 0xAF])
        == ["l.md:2: error: not valid UTF-8 (first bad byte at offset 2)"])
    #expect(
      diagnostics([0x61, 0x62, 0xED, 0xA0, 0x80])
        == ["l.md:1: error: not valid UTF-8 (first bad byte at offset 2)"])
    #expect(
      diagnostics([0x61, 0xF4, 0x90, 0x80, 0x80])
        == ["l.md:1: error: not valid UTF-8 (first bad byte at offset 1)"])
    #expect(!diagnostics([0xF4, 0x90, 0x80, 0x80]).isEmpty)
    #expect(diagnostics(Array("ok ✓ 𝄞\n".utf8)).isEmpty)
  }

  @Test func nulByte() {
    #expect(
      diagnostics([0x61, 0x0D, 0x0A, 0x0A, 0x00, 0x62])
        == ["l.md:3: error: binary file (NUL byte at offset 4)"])
    #expect(diagnostics("a\u{0}") == ["l.md:1: error: binary file (NUL byte at offset 1)"])
  }

  @Test func allErrorsAreCollected() throws {
    let text = """
      ```swift cell=Bad
      ```

      ```swift cell=ok seeed=1 hide=no
      ```

      ```swift cell=fine
      ```

      ```swift timeout=1
      ```

      ```swift cell=last
      """
    let error = try #require(throws: InputError.self) {
      try NotebookParser.parse(text: text, path: "dir/x.md")
    }
    #expect(
      error.diagnostics.map(\.description) == [
        "dir/x.md:1: error: malformed cell ID 'Bad': use lowercase letters, digits and hyphens",
        "dir/x.md:4: error: unknown cell option 'seeed'"
          + " (known: cell, shared, expect, timeout, seed, hide, timeline); did you mean 'seed'?",
        "dir/x.md:4: error: invalid value 'no' for option 'hide' (allowed: code)",
        "dir/x.md:10: error: invalid timeout '1': use a positive number followed by ms, s, m or h"
          + " (e.g. 10s, 1.5s, 500ms, 2m)",
        "dir/x.md:10: error: 'swift' block has options but no cell=ID",
        "dir/x.md:13: error: cell 'last' has no closing fence",
      ])
    #expect(error.diagnostics.allSatisfy { $0.path == "dir/x.md" && $0.severity == .error })
  }

  @Test func diagnosticsPointAtTheFence() throws {
    let error = try #require(throws: InputError.self) {
      try NotebookParser.parse(text: "- a\n- ```swift cell=X\n  ```\n", path: "x.md")
    }
    #expect(error.diagnostics.first?.location == SourceLocation(line: 2, column: 3))
  }
}

import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: MarkdownRenderer")
struct MarkdownRenderingTests {
  private typealias F = RenderFixture

  @Test("a top-level cell gets its output block right after the closing fence")
  func topLevel() {
    let text = "# Title\n\n```swift cell=a\nprint(1)\n```\n\nAfter.\n"
    let rendered = F.render(text, [F.run("1\n", seconds: 2)])
    F.expectSameBytes(
      rendered,
      "# Title\n\n```swift cell=a\nprint(1)\n```\n```output time=2.0s\n1\n```\n\nAfter.\n")
  }

  @Test("a cell in a list item keeps the item's indentation on every output line")
  func listItem() {
    let text = "- Step:\n\n  ```swift cell=a\n  f()\n  ```\n- Next\n"
    let rendered = F.render(text, [F.run("hi\n\nthere", seconds: 0.25)])
    F.expectSameBytes(
      rendered,
      "- Step:\n\n  ```swift cell=a\n  f()\n  ```\n"
        + "  ```output time=0.25s\n  hi\n  \n  there\n  ```\n- Next\n")
  }

  @Test("a cell in a block quote keeps the quote marker, empty lines included")
  func blockQuote() {
    let text = "> Note\n>\n> ```swift cell=q\n> g()\n> ```\n\nEnd\n"
    let rendered = F.render(text, [F.run("a\n\nb\n", seconds: 0.5)])
    F.expectSameBytes(
      rendered,
      "> Note\n>\n> ```swift cell=q\n> g()\n> ```\n"
        + "> ```output time=0.5s\n> a\n> \n> b\n> ```\n\nEnd\n")
  }

  @Test("a cell in a block quote inside a list item keeps both prefixes")
  func quoteInList() {
    let text = "1. item\n\n   > ```swift cell=a\n   > x()\n   > ```\n2. next\n"
    let rendered = F.render(text, [F.failed("out\n", "bad")])
    F.expectSameBytes(
      rendered,
      "1. item\n\n   > ```swift cell=a\n   > x()\n   > ```\n"
        + "   > ```output time=0.0s\n   > out\n   > ```\n"
        + "   > ```error\n   > DemoError: bad\n   > ```\n2. next\n")
  }

  @Test("the fence is longer than any run of backticks in the output")
  func fenceGrows() {
    let text = "```swift cell=a\nf()\n```\n"
    let three = F.render(text, [F.run("```\ncode\n```\n")])
    F.expectSameBytes(
      three, "```swift cell=a\nf()\n```\n````output time=0.0s\n```\ncode\n```\n````\n")
    let five = F.render(text, [F.run("a ````` b `` c\n")])
    F.expectSameBytes(
      five, "```swift cell=a\nf()\n```\n``````output time=0.0s\na ````` b `` c\n``````\n")
    let error = F.render(text, [F.failed("", "see ````")])
    F.expectSameBytes(
      error, "```swift cell=a\nf()\n```\n`````error\nDemoError: see ````\n`````\n")
  }

  @Test("a CRLF document stays CRLF in every inserted line")
  func crlfDocument() {
    let text = "A\r\n\r\n```swift cell=a\r\nf()\r\n```\r\nB\r\n"
    let rendered = F.render(text, [F.failed("x\ny\r\nz\rw", "one\ntwo")])
    F.expectSameBytes(
      rendered,
      "A\r\n\r\n```swift cell=a\r\nf()\r\n```\r\n"
        + "```output time=0.0s\r\nx\r\ny\r\nz\r\nw\r\n```\r\n"
        + "```error\r\nDemoError: one\r\ntwo\r\n```\r\nB\r\n")
  }

  @Test("an LF document gains no carriage return, even from CRLF output")
  func lfDocument() {
    let text = "```swift cell=a\nf()\n```\n"
    let rendered = F.render(text, [F.run("x\r\ny\rz\r\n")])
    F.expectSameBytes(rendered, "```swift cell=a\nf()\n```\n```output time=0.0s\nx\ny\nz\n```\n")
    #expect(!rendered.utf8.contains(UInt8(ascii: "\r")))
  }

  @Test("a last cell in a file without final newline: blocks follow, still no final newline")
  func noFinalNewlineCellLast() {
    let text = "Intro\n\n```swift cell=a\nf()\n```"
    let rendered = F.render(text, [F.failed("out", "boom")])
    F.expectSameBytes(
      rendered,
      "Intro\n\n```swift cell=a\nf()\n```\n```output time=0.0s\nout\n```\n"
        + "```error\nDemoError: boom\n```")
  }

  @Test("a CRLF file without final newline keeps CRLF and no final line ending")
  func noFinalNewlineCRLF() {
    let text = "Intro\r\n```swift cell=a\r\nf()\r\n```"
    let rendered = F.render(text, [F.run("out\n")])
    F.expectSameBytes(
      rendered, "Intro\r\n```swift cell=a\r\nf()\r\n```\r\n```output time=0.0s\r\nout\r\n```")
  }

  @Test("a cell that is not last in a file without final newline: the end stays as it was")
  func noFinalNewlineCellNotLast() {
    let text = "```swift cell=a\nf()\n```\n\nEnd."
    let rendered = F.render(text, [F.run("out\n", seconds: 1)])
    F.expectSameBytes(
      rendered, "```swift cell=a\nf()\n```\n```output time=1.0s\nout\n```\n\nEnd.")
  }

  @Test("an error with no output shows only the error block")
  func errorOnly() {
    let text = "```swift cell=a\nf()\n```\n"
    let rendered = F.render(text, [F.failed("", "boom", seconds: 3)])
    F.expectSameBytes(rendered, "```swift cell=a\nf()\n```\n```error\nDemoError: boom\n```\n")
  }

  @Test("output and error show the output block then the error block")
  func outputAndError() {
    let text = "```swift cell=a\nf()\n```\nnext\n"
    let stalled = CellRun(
      cellID: "a", output: "started\n", ending: .stalled(at: .seconds(1.5), suspended: ["a"]),
      simulatedTime: .seconds(1.5))
    let rendered = F.render(text, [stalled])
    F.expectSameBytes(
      rendered,
      "```swift cell=a\nf()\n```\n```output time=1.5s\nstarted\n```\n"
        + "```error\nstalled at 1.5s: no task can run and none is sleeping; suspended: a\n```\n"
        + "next\n")
  }

  @Test("an empty output with no error is still shown as an empty block")
  func emptyOutput() {
    let text = "```swift cell=a\nf()\n```\n"
    let rendered = F.render(text, [F.run("", seconds: 0.001)])
    F.expectSameBytes(rendered, "```swift cell=a\nf()\n```\n```output time=0.001s\n```\n")
  }

  @Test("hide=code at top level replaces the cell with its output")
  func hiddenTopLevel() {
    let text = "Setup:\n\n```swift cell=s hide=code\nsetup()\n```\n\n```swift cell=t\nt()\n```\n"
    let rendered = F.render(text, [F.run("ready\n"), F.run("t\n")], hidden: ["s"])
    F.expectSameBytes(
      rendered,
      "Setup:\n\n```output time=0.0s\nready\n```\n\n"
        + "```swift cell=t\nt()\n```\n```output time=0.0s\nt\n```\n")
  }

  @Test("hide=code as the first block of a list item keeps the list marker")
  func hiddenInListItem() {
    let text = "- ```swift cell=s hide=code\n  setup()\n  ```\n- next\n"
    let rendered = F.render(text, [F.failed("ready\n", "late")], hidden: ["s"])
    F.expectSameBytes(
      rendered,
      "- ```output time=0.0s\n  ready\n  ```\n  ```error\n  DemoError: late\n  ```\n- next\n")
  }

  @Test("hide=code on a last cell without final newline keeps the lack of final newline")
  func hiddenAtEndOfFile() {
    let text = "Top\n\n```swift cell=s hide=code\nsetup()\n```"
    let rendered = F.render(text, [F.failed("", "no")], hidden: ["s"])
    F.expectSameBytes(rendered, "Top\n\n```error\nDemoError: no\n```")
  }

  @Test("prose, untagged code and other fences are left exactly as they were")
  func proseUnchanged() {
    let text =
      "# Lesson  \n\nSome *prose* with `code`.\n\n```swift\nlet untagged = 1\n```\n\n"
      + "~~~\nplain\n~~~\n\n    indented code\n\n```swift cell=a\nf()\n```\n\n| a | b |\n"
      + "|---|---|\n\n<div>html</div>\n"
    let rendered = F.render(text, [F.run("ok\n")])
    F.expectSameBytes(
      rendered,
      "# Lesson  \n\nSome *prose* with `code`.\n\n```swift\nlet untagged = 1\n```\n\n"
        + "~~~\nplain\n~~~\n\n    indented code\n\n```swift cell=a\nf()\n```\n"
        + "```output time=0.0s\nok\n```\n\n| a | b |\n|---|---|\n\n<div>html</div>\n")
  }

  @Test("a document with no cells is returned byte for byte")
  func noCells() {
    let texts = [
      "", "no newline", "mixed\r\nendings\nand\rlone CR\n", "e\u{301}te\u{301} (NFD)\n",
      "```swift\nuntagged\n```\n",
    ]
    for text in texts {
      let notebook = Notebook(path: "t.md", name: "t", text: text, cells: [])
      F.expectSameBytes(MarkdownRenderer.render(notebook, runs: []), text)
    }
  }

  @Test("multi-byte UTF-8 around and inside cells is kept intact")
  func multiByte() {
    let text =
      "Café ☕️ — déjà vu\n\n- 🇫🇷 élève\n\n  ```swift cell=a\n  print(\"é\")\n  ```\n"
      + "À bientôt 👋🏽\n"
    let rendered = F.render(text, [F.run("été 🎉\nnaïve\n", seconds: 12.5)])
    F.expectSameBytes(
      rendered,
      "Café ☕️ — déjà vu\n\n- 🇫🇷 élève\n\n  ```swift cell=a\n  print(\"é\")\n  ```\n"
        + "  ```output time=12.5s\n  été 🎉\n  naïve\n  ```\nÀ bientôt 👋🏽\n")
  }

  @Test("many cells render in one pass")
  func manyCells() {
    let count = 5_000
    let cell = "Prose é.\n\n```swift cell=a\nf()\n```\n\n"
    let text = String(repeating: cell, count: count)
    let runs = (0..<count).map { F.run("line \($0)\n") }
    let notebook = F.notebook(text)
    #expect(notebook.cells.count == count)
    let rendered = MarkdownRenderer.render(notebook, runs: runs)
    let expected = (0..<count).map {
      "Prose é.\n\n```swift cell=a\nf()\n```\n```output time=0.0s\nline \($0)\n```\n\n"
    }.joined()
    #expect(rendered.utf8.elementsEqual(expected.utf8), "the 5,000-cell rendering differs")
  }

  @Test("a run count different from the cell count is a programming error")
  func runCountMismatch() async {
    await #expect(processExitsWith: .failure) {
      let notebook = RenderFixture.notebook("```swift cell=a\nf()\n```\n")
      _ = MarkdownRenderer.render(notebook, runs: [])
    }
  }
}

/// A cell the build only compiled shows the compiler's diagnostics, and no output block.
@Suite struct CompileCheckedCellRenderingTests {
  @Test func aCellThatDidNotCompileShowsTheDiagnosticsAsItsError() throws {
    let notebook = try NotebookParser.parse(
      text: """
        ```swift cell=ok
        ```

        ```swift cell=refus expect=compile-error
        ```
        """, path: "Notebooks/lecon.md")
    let runs = [
      CellRun(cellID: "ok", output: "ok\n", ending: .returned, simulatedTime: .zero),
      CellRun(
        cellID: "refus", output: "",
        ending: .didNotCompile(diagnostics: "lecon.md:5:1: error: a\nb"),
        simulatedTime: .zero),
    ]
    let rendered = MarkdownRenderer.render(notebook, runs: runs)
    #expect(rendered.hasSuffix("```error\nlecon.md:5:1: error: a\nb\n```"))
    #expect(!rendered.contains("expect=compile-error\n```\n```output"))
  }
}

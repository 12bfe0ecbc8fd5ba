import Foundation
import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: IpynbRenderer")
struct IpynbRendererTests {
  private typealias N = IpynbTestSupport

  private static let lesson = """
    ---
    lang: fr
    ---
    # Leçon *été* ☕️

    Intro with `code` & <b>tags</b>.

    ```swift cell=outils shared=true
    struct Oops: Error {}
    ```

    ```swift cell=a
    let x = "é"
    print(x)
    ```

    Between.

    ```swift cell=b expect=error
    throw Oops()
    ```

    ```swift cell=c hide=code
    setup()
    ```

    ```swift cell=quiet
    _ = 1
    ```

    The end.
    """

  private static func lessonRuns() -> [CellRun] {
    [
      N.run("a", "é\nsecond line\n"),
      CellRun(
        cellID: "b", output: "partial\n",
        ending: .threw(type: "Oops", description: "bad <input>\nsecond line"),
        simulatedTime: .milliseconds(250)),
      N.run("c", "ready\n"),
      N.run("quiet", ""),
    ]
  }

  @Test("prose becomes Markdown cells and cells code cells, in document order")
  func structure() throws {
    let notebook = try N.notebook(Self.lesson, Self.lessonRuns())
    #expect(notebook["nbformat"] as? Int == 4)
    #expect(notebook["nbformat_minor"] as? Int == 5)
    let metadata = try #require(notebook["metadata"] as? [String: Any])
    let kernel = try #require(metadata["kernelspec"] as? [String: String])
    #expect(kernel == ["name": "swift", "display_name": "Swift", "language": "swift"])
    let language = try #require(metadata["language_info"] as? [String: String])
    #expect(language == ["name": "swift", "file_extension": ".swift"])

    let cells = try N.cells(notebook)
    #expect(
      cells.map(N.kind) == [
        "markdown", "code", "code", "markdown", "code", "code", "code", "markdown",
      ])
    #expect(
      cells.map(N.id) == [
        "md-1", "cell-outils", "cell-a", "md-2", "cell-b", "cell-c",
        "cell-quiet", "md-3",
      ])
    #expect(try N.source(cells[0]) == "# Leçon *été* ☕️\n\nIntro with `code` & <b>tags</b>.")
    #expect(try N.source(cells[3]) == "Between.")
    #expect(try N.source(cells[7]) == "The end.")
    #expect(try N.source(cells[2]) == "let x = \"é\"\nprint(x)")
    #expect(cells[2]["source"] as? [String] == ["let x = \"é\"\n", "print(x)"])
    #expect(cells.map { $0["execution_count"] as? Int } == [nil, nil, 1, nil, 2, 3, 4, nil])
    #expect(cells[1]["execution_count"] is NSNull)
    #expect((cells[1]["outputs"] as? [Any])?.isEmpty == true)
    #expect(cells.filter { N.kind($0) == "markdown" }.allSatisfy { $0["outputs"] == nil })
  }

  @Test("a run shows its printed text as stdout, then its error; a quiet cell shows nothing")
  func outputs() throws {
    let cells = try N.cells(try N.notebook(Self.lesson, Self.lessonRuns()))
    let printed = try N.outputs(cells[2])
    #expect(printed.count == 1)
    #expect(printed[0]["output_type"] as? String == "stream")
    #expect(printed[0]["name"] as? String == "stdout")
    #expect(printed[0]["text"] as? [String] == ["é\n", "second line\n"])

    let failed = try N.outputs(cells[4])
    #expect(failed.map { $0["output_type"] as? String } == ["stream", "error"])
    #expect(failed[0]["text"] as? [String] == ["partial\n"])
    #expect(failed[1]["ename"] as? String == "Oops")
    #expect(failed[1]["evalue"] as? String == "bad <input>\nsecond line")
    #expect(failed[1]["traceback"] as? [String] == ["Oops: bad <input>", "second line"])
    #expect(try N.outputs(cells[6]).isEmpty)
  }

  @Test("a hide=code cell keeps its code, collapsed; other cells have empty metadata")
  func hiddenCode() throws {
    let cells = try N.cells(try N.notebook(Self.lesson, Self.lessonRuns()))
    let hidden = try #require(cells[5]["metadata"] as? [String: [String: Bool]])
    #expect(hidden == ["jupyter": ["source_hidden": true]])
    #expect(try N.source(cells[5]) == "setup()")
    #expect(try N.outputs(cells[5]).first?["text"] as? [String] == ["ready\n"])
    for index in [0, 1, 2, 3, 4, 6, 7] {
      #expect((cells[index]["metadata"] as? [String: Any])?.isEmpty == true)
    }
  }

  @Test("cell IDs are unique, cell-ID for code and md-N for prose, within nbformat's rules")
  func ids() throws {
    let long = String(repeating: "a", count: 70)
    let text = """
      ```swift cell=\(long)
      f()
      ```

      ```swift cell=\(long)-b
      f()
      ```

      ```swift cell=short
      f()
      ```
      """
    let runs = [N.run(long, ""), N.run(long + "-b", ""), N.run("short", "")]
    let ids = try N.cells(try N.notebook(text, runs)).map(N.id)
    #expect(Set(ids).count == 3)
    #expect(ids[2] == "cell-short")
    for id in ids {
      #expect((1...64).contains(id.count), "\(id)")
      #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    }
    #expect(ids[0].hasPrefix("cell-aaaa"))
  }

  @Test("each way a cell can end has its error name; compile errors are listed line by line")
  func errorKinds() throws {
    let endings: [(CellRun.Ending, String)] = [
      (.stalled(at: .seconds(1), suspended: ["main"]), "Stall"),
      (.timedOut(limit: .seconds(2), suspended: []), "Timeout"),
      (.crashed(signal: 6, message: "Fatal error: boom"), "Crash"),
      (.exceededWallClock(seconds: 10), "WallClockLimit"),
      (.didNotCompile(diagnostics: "t.md:2:1: error: nope\nt.md:2:1: note: here"), "CompileError"),
      (.compiled, "NoCompileError"),
    ]
    for (ending, name) in endings {
      let run = CellRun(cellID: "x", output: "", ending: ending, simulatedTime: .zero)
      let cells = try N.cells(try N.notebook("```swift cell=x\nf()\n```\n", [run]))
      let outputs = try N.outputs(cells[0])
      #expect(outputs.count == 1)
      #expect(outputs.first?["output_type"] as? String == "error")
      #expect(outputs.first?["ename"] as? String == name)
      #expect(outputs.first?["evalue"] as? String == run.errorText)
      let traceback = outputs.first?["traceback"] as? [String]
      #expect(traceback?.joined(separator: "\n") == run.errorText)
    }
  }

  @Test("a cell in a list item or a block quote splits its container's prose around it")
  func nested() throws {
    let text = """
      - Step one:

        ```swift cell=a
        f()
        ```

        Still in the item.
      - Step two

      > Note:
      >
      > ```swift cell=q
      > g()
      > ```
      >
      > After the quoted cell.
      """
    let cells = try N.cells(try N.notebook(text, [N.run("a", "1\n"), N.run("q", "2\n")]))
    #expect(cells.map(N.kind) == ["markdown", "code", "markdown", "code", "markdown"])
    #expect(try N.source(cells[0]) == "- Step one:")
    #expect(try N.source(cells[1]) == "f()")
    #expect(try N.source(cells[2]) == "  Still in the item.\n- Step two\n\n> Note:\n>")
    #expect(try N.source(cells[3]) == "g()")
    #expect(try N.source(cells[4]) == ">\n> After the quoted cell.")
    #expect(try N.outputs(cells[3]).first?["text"] as? [String] == ["2\n"])
  }

  @Test("a lesson with no cells is one Markdown cell; blank or front-matter-only has none")
  func noCells() throws {
    let prose = try N.cells(try N.notebook("# Only prose\n\nText.\n\n\n", []))
    #expect(prose.map(N.id) == ["md-1"])
    #expect(try N.source(prose[0]) == "# Only prose\n\nText.")
    #expect(prose[0]["source"] as? [String] == ["# Only prose\n", "\n", "Text."])
    #expect(try N.cells(try N.notebook("", [])).isEmpty)
    #expect(try N.cells(try N.notebook(" \n\t\n\n", [])).isEmpty)
    #expect(try N.cells(try N.notebook("---\nlang: fr\n---\n\n", [])).isEmpty)
    #expect(try N.cells(try N.notebook("\u{FEFF}Texte.\n", [])).map(N.source) == ["Texte."])
  }

  @Test("a CRLF lesson gives the same notebook as its LF copy")
  func crlf() throws {
    let lf = "---\nlang: fr\n---\n# T\n\nA\nB\n\n```swift cell=a\nf()\ng()\n```\nEnd\n"
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(crlf.utf8.count > lf.utf8.count)
    let runs = [N.run("a", "out\n")]
    let expected = try N.render(lf, runs)
    N.expectSameBytes(try N.render(crlf, runs), expected)
    N.expectSameBytes(try N.render(lf.replacingOccurrences(of: "\n", with: "\r"), runs), expected)
    #expect(!expected.contains("\\r"))
  }

  @Test("the bytes are nbformat's: sorted keys, one-space indent, UTF-8, final newline")
  func exactBytes() throws {
    let text = "# Été\n\n```swift cell=a hide=code\nprint(\"\\t\")\n```\n"
    let run = N.run("a", "\"q\" \\ \u{1B}[0m\0\n")
    let expected = #"""
      {
       "cells": [
        {
         "cell_type": "markdown",
         "id": "md-1",
         "metadata": {},
         "source": [
          "# Été"
         ]
        },
        {
         "cell_type": "code",
         "execution_count": 1,
         "id": "cell-a",
         "metadata": {
          "jupyter": {
           "source_hidden": true
          }
         },
         "outputs": [
          {
           "name": "stdout",
           "output_type": "stream",
           "text": [
            "\"q\" \\ \u001b[0m\u0000\n"
           ]
          }
         ],
         "source": [
          "print(\"\\t\")"
         ]
        }
       ],
       "metadata": {
        "kernelspec": {
         "display_name": "Swift",
         "language": "swift",
         "name": "swift"
        },
        "language_info": {
         "file_extension": ".swift",
         "name": "swift"
        }
       },
       "nbformat": 4,
       "nbformat_minor": 5
      }

      """#
    N.expectSameBytes(try N.render(text, [run]), expected)
  }

  @Test("JSON strings escape what JSON requires, as Python does; keys sort by code point")
  func jsonWriter() {
    let value: JSONValue = [
      "é": 1, "a": [], "Z": [:], "b": [true, false, .null],
      "s": .string("\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}/\u{2028}😀"),
    ]
    N.expectSameBytes(
      value.text,
      """
      {
       "Z": {},
       "a": [],
       "b": [
        true,
        false,
        null
       ],
       "s": "\\b\\f\\n\\r\\t\\u0001\\u001f\u{7F}/\u{2028}😀",
       "é": 1
      }
      """)
  }

  @Test("source lines split where Python's splitlines splits, and join back to the text")
  func lines() {
    let text = "a\nb\r\nc\rd\u{B}e\u{C}f\u{1C}g\u{85}h\u{2028}i\u{2029}j"
    let lines = IpynbText.lines(text)
    #expect(
      lines == [
        "a\n", "b\r\n", "c\r", "d\u{B}", "e\u{C}", "f\u{1C}", "g\u{85}", "h\u{2028}",
        "i\u{2029}", "j",
      ])
    #expect(lines.joined() == text)
    #expect(IpynbText.lines("") == [])
    #expect(IpynbText.lines("x\n") == ["x\n"])
    #expect(IpynbText.lines("\n\n") == ["\n", "\n"])
    #expect(IpynbText.lines("é☕️") == ["é☕️"])
  }

  @Test("5,000 cells render quickly")
  func manyCells() throws {
    let count = 5_000
    let prose = String(repeating: "Du texte en prose, é ü ☕️, avec `du code`. ", count: 20)
    let text = (0..<count).map { "\(prose)\n\n```swift cell=c\($0)\nf(\($0))\n```\n\n" }
      .joined()
    let notebook = try NotebookParser.parse(text: text, path: "big.md")
    let runs = (0..<count).map { N.run("c\($0)", "line \($0)\n") }
    let clock = ContinuousClock()
    var rendered = ""
    let elapsed = clock.measure { rendered = IpynbRenderer.render(notebook, runs: runs) }
    #expect(elapsed < .seconds(20), "took \(elapsed)")
    #expect(rendered.contains("\"execution_count\": 5000,"))
  }

  @Test("a run count different from the cell count is a programming error")
  func runCountMismatch() async {
    await #expect(processExitsWith: .failure) {
      guard
        let notebook = try? NotebookParser.parse(text: "```swift cell=a\nf()\n```\n", path: "t.md")
      else { return }
      _ = IpynbRenderer.render(notebook, runs: [])
    }
  }

  // MARK: - nbformat

  /// Lessons covering every kind of cell, container and ending, for nbformat to check.
  private static func validationLessons() -> [(name: String, text: String, runs: [CellRun])] {
    let compileError = CellRun(
      cellID: "broken", output: "",
      ending: .didNotCompile(diagnostics: "c.md:3:1: error: x\nc.md:3:1: note: y"),
      simulatedTime: .zero)
    let stalled = CellRun(
      cellID: "stall", output: "waiting\n",
      ending: .stalled(at: .seconds(1), suspended: ["main", "task 2"]), simulatedTime: .seconds(1))
    return [
      ("lesson", lesson, lessonRuns()),
      ("empty", "", []),
      ("prose", "# Only prose\r\n\r\nÀ bientôt.\r\n", []),
      (
        "nested",
        "- a\n\n  ```swift cell=x\n  f()\n  ```\n\n> ```swift cell=y\n> g()\n> ```\n",
        [N.run("x", "\u{1B}[1mbold\u{1B}[0m\0\n"), N.run("y", "")]
      ),
      (
        "faults",
        "```swift cell=broken expect=compile-error\nlet x: Int = \"\"\n```\n\n"
          + "```swift cell=stall expect=stall\nawait f()\n```\n\n"
          + "```swift cell=\(String(repeating: "z", count: 80))\nf()\n```",
        [compileError, stalled, N.run(String(repeating: "z", count: 80), "no newline")]
      ),
    ]
  }

  @Test(
    "the notebooks are valid for nbformat's schema",
    .enabled(if: Python.hasNbformat, "needs python3 with nbformat: pip install nbformat"))
  func validForNbformat() throws {
    let files = try N.write(Self.validationLessons())
    defer { N.remove(files) }
    let result = try Python.run(
      "import nbformat,sys; [nbformat.validate(nbformat.read(p, as_version=4)) "
        + "for p in sys.argv[1:]]", arguments: files)
    #expect(result.status == 0, "\(result.errorOutput)")
  }

  @Test(
    "nbformat reads each notebook and writes it back to the same bytes",
    .enabled(if: Python.hasNbformat, "needs python3 with nbformat: pip install nbformat"))
  func sameBytesAsNbformat() throws {
    let files = try N.write(Self.validationLessons())
    defer { N.remove(files) }
    let script = """
      import nbformat, sys
      for p in sys.argv[1:]:
          text = open(p, encoding="utf-8", newline="").read()
          again = nbformat.writes(nbformat.reads(text, as_version=4)) + "\\n"
          if again != text:
              sys.exit(p + " differs")
      """
    let result = try Python.run(script, arguments: files)
    #expect(result.status == 0, "\(result.errorOutput)")
  }
}

/// Renders lessons as notebooks and reads them back with `JSONSerialization`.
enum IpynbTestSupport {
  /// Parses `text` as lesson `t.md` and renders it as a notebook.
  static func render(_ text: String, _ runs: [CellRun]) throws -> String {
    IpynbRenderer.render(try NotebookParser.parse(text: text, path: "t.md"), runs: runs)
  }

  /// The rendered notebook, parsed.
  static func notebook(_ text: String, _ runs: [CellRun]) throws -> [String: Any] {
    let json = try JSONSerialization.jsonObject(with: Data(try render(text, runs).utf8))
    return try #require(json as? [String: Any])
  }

  /// The notebook's cells.
  static func cells(_ notebook: [String: Any]) throws -> [[String: Any]] {
    try #require(notebook["cells"] as? [[String: Any]])
  }

  /// A code cell's outputs.
  static func outputs(_ cell: [String: Any]) throws -> [[String: Any]] {
    try #require(cell["outputs"] as? [[String: Any]])
  }

  /// A cell's source, its lines joined.
  static func source(_ cell: [String: Any]) throws -> String {
    try #require(cell["source"] as? [String]).joined()
  }

  /// A cell's `cell_type`.
  static func kind(_ cell: [String: Any]) -> String { cell["cell_type"] as? String ?? "?" }

  /// A cell's `id`.
  static func id(_ cell: [String: Any]) -> String { cell["id"] as? String ?? "?" }

  /// A run that returned.
  static func run(_ id: String, _ output: String) -> CellRun {
    CellRun(cellID: id, output: output, ending: .returned, simulatedTime: .seconds(1))
  }

  /// Expects the same bytes, showing both when they differ.
  static func expectSameBytes(
    _ actual: String, _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    RenderFixture.expectSameBytes(actual, expected, sourceLocation: sourceLocation)
  }

  /// Renders each lesson to `NAME.ipynb` in a new temporary folder; returns the files.
  static func write(_ lessons: [(name: String, text: String, runs: [CellRun])]) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("carnet-ipynb-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return try lessons.map { lesson in
      let notebook = try NotebookParser.parse(text: lesson.text, path: lesson.name + ".md")
      let path = folder + "/" + lesson.name + ".ipynb"
      try Data(IpynbRenderer.render(notebook, runs: lesson.runs).utf8).write(
        to: URL(fileURLWithPath: path))
      return path
    }
  }

  /// Removes the files `write` wrote, and their folder.
  static func remove(_ files: [String]) {
    guard let first = files.first else { return }
    try? FileManager.default.removeItem(
      atPath: URL(fileURLWithPath: first).deletingLastPathComponent().path)
  }
}

/// `python3`, found on the `PATH`, for checks by Jupyter's own library.
enum Python {
  /// What a script did.
  struct Result {
    var status: Int32
    var errorOutput: String
  }

  /// Whether `python3 -c "import nbformat"` works (looked up once).
  static let hasNbformat: Bool = (try? run("import nbformat", arguments: []))?.status == 0

  /// Runs `python3 -c script arguments...`.
  static func run(_ script: String, arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, errorOutput: String(decoding: data, as: UTF8.self))
  }
}

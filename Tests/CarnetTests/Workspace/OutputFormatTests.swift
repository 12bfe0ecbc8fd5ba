import Testing

@testable import Carnet
@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

/// The files a lesson's run becomes, per format.
@Suite struct OutputFormatTests {
  @Test("the ipynb format writes NAME.ipynb beside the other files")
  func renderedFile() throws {
    let notebook = try NotebookParser.parse(text: "```swift cell=a\nf()\n```\n", path: "t.md")
    let lesson = Lesson(notebook: notebook, cells: [], warnings: [], outputPath: "Out/t.md")
    #expect(lesson.ipynbOutputPath == "Out/t.ipynb")
    #expect(OutputFormat(rawValue: "ipynb") == .ipynb)
    let ran = CellRun(cellID: "a", output: "1\n", ending: .returned, simulatedTime: .zero)
    let run = NotebookRun(notebook: notebook, runs: [ran], failures: [])
    let files = run.renderedFiles(for: lesson, formats: [.ipynb, .markdown])
    #expect(files.map(\.path) == ["Out/t.ipynb", "Out/t.md"])
    #expect(files.first?.text == IpynbRenderer.render(notebook, runs: run.runs))
  }
}

import CarnetRendering
import CarnetRuntime

/// A kind of rendered file Carnet writes for each lesson.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// `NAME.md`: the lesson's text with each cell's output below it.
  case markdown = "md"
  /// `NAME.html`: a self-contained web page with highlighted code and task timelines.
  case html
  /// `NAME.ipynb`: a Jupyter notebook (nbformat 4.5) with each cell's outputs.
  case ipynb
}

/// One rendered file of a lesson: where it goes and what it holds.
public struct RenderedFile: Hashable, Sendable {
  /// The file's path (`DIR/NAME.md`, `DIR/NAME.html` or `DIR/NAME.ipynb`).
  public var path: String
  /// Its bytes, UTF-8: what is written (a long lesson's files are never copied into Strings).
  public var utf8: [UInt8]

  /// Its text.
  public var text: String { String(decoding: utf8, as: UTF8.self) }

  /// A file holding `utf8`.
  public init(path: String, utf8: [UInt8]) {
    self.path = path
    self.utf8 = utf8
  }

  /// A file holding `text`.
  public init(path: String, text: String) {
    self.init(path: path, utf8: Array(text.utf8))
  }
}

extension NotebookRun {
  /// The files to write for `lesson` in each of `formats`, in the order given.
  public func renderedFiles(
    for lesson: Lesson, formats: [OutputFormat], htmlOptions: HTMLOptions = HTMLOptions()
  ) -> [RenderedFile] {
    formats.map { format in
      switch format {
      case .markdown:
        let markdown = MarkdownRenderer.renderUTF8(notebook, runs: runs)
        return RenderedFile(path: lesson.outputPath, utf8: markdown)
      case .html:
        let html = HTMLRenderer.renderUTF8(notebook, runs: runs, options: htmlOptions)
        return RenderedFile(path: lesson.htmlOutputPath, utf8: html)
      case .ipynb:
        let ipynb = IpynbRenderer.render(notebook, runs: runs)
        return RenderedFile(path: lesson.ipynbOutputPath, text: ipynb)
      }
    }
  }
}

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
  /// Its text.
  public var text: String
}

extension NotebookRun {
  /// The files to write for `lesson` in each of `formats`, in the order given.
  public func renderedFiles(
    for lesson: Lesson, formats: [OutputFormat], htmlOptions: HTMLOptions = HTMLOptions()
  ) -> [RenderedFile] {
    formats.map { format in
      switch format {
      case .markdown:
        return RenderedFile(path: lesson.outputPath, text: renderedMarkdown)
      case .html:
        let html = HTMLRenderer.render(notebook, runs: runs, options: htmlOptions)
        return RenderedFile(path: lesson.htmlOutputPath, text: html)
      case .ipynb:
        let ipynb = IpynbRenderer.render(notebook, runs: runs)
        return RenderedFile(path: lesson.ipynbOutputPath, text: ipynb)
      }
    }
  }
}

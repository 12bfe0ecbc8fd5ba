import CarnetDocument
import CarnetRendering
import CarnetRuntime

/// A lesson ready to run: its parsed notebook, its compiled cells, and where its outputs go.
public struct Lesson: Sendable {
  /// The parsed lesson.
  public var notebook: Notebook
  /// The compiled code of each cell, in cell order.
  public var cells: [CompiledCell]
  /// Warnings about the lesson's code, such as calls the event loop cannot make deterministic.
  public var warnings: [Diagnostic]
  /// The rendered Markdown file's path (`DIR/NAME.md`).
  public var outputPath: String

  /// The rendered web page's path (`DIR/NAME.html`).
  public var htmlOutputPath: String { String(outputPath.dropLast(".md".count)) + ".html" }

  /// The Jupyter notebook's path (`DIR/NAME.ipynb`).
  public var ipynbOutputPath: String { String(outputPath.dropLast(".md".count)) + ".ipynb" }
}

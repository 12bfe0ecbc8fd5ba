import CarnetDocument

/// A lesson ready to run: its parsed notebook, its compiled cells, and where its outputs go.
public struct Lesson: Sendable {
  /// The parsed lesson.
  public var notebook: Notebook
  /// The compiled code of each cell, in cell order.
  public var cells: [CompiledCell]
  /// The rendered Markdown file's path (`DIR/NAME.md`).
  public var outputPath: String

  /// The rendered web page's path (`DIR/NAME.html`).
  public var htmlOutputPath: String { String(outputPath.dropLast(".md".count)) + ".html" }
}

/// A lesson ready to run: its parsed notebook, its examples, and where its output goes.
public struct Lesson: Sendable {
  /// The parsed lesson.
  public var notebook: Notebook
  /// The example of each cell, in cell order.
  public var examples: [Example]
  /// The rendered file's path (`DIR/NAME.md`).
  public var outputPath: String
}

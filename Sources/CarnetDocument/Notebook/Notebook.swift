/// A parsed lesson: its exact text and the cells found in it, in document order.
public struct Notebook: Hashable, Sendable {
  /// The path the lesson was read from, as the user named it.
  public var path: String
  /// The lesson's name: the file name without `.md` (the output is `NAME.md`).
  public var name: String
  /// The exact text of the file.
  public var text: String
  /// The cells that run, in document order.
  public var cells: [Cell]
  /// The shared blocks (`shared=true`), in document order: declarations every cell can use,
  /// compiled but never run.
  public var declarations: [Cell]

  /// Creates a notebook.
  public init(path: String, name: String, text: String, cells: [Cell], declarations: [Cell] = []) {
    self.path = path
    self.name = name
    self.text = text
    self.cells = cells
    self.declarations = declarations
  }
}

/// A parsed lesson: its exact text and the cells found in it, in document order.
public struct Notebook: Hashable, Sendable {
  /// The path the lesson was read from, as the user named it.
  public var path: String
  /// The lesson's name: the file name without `.md` (the output is `NAME.md`).
  public var name: String
  /// The exact text of the file.
  public var text: String
  /// Tagged cells, in document order.
  public var cells: [Cell]

  /// Creates a notebook.
  public init(path: String, name: String, text: String, cells: [Cell]) {
    self.path = path
    self.name = name
    self.text = text
    self.cells = cells
  }
}

/// A parsed lesson: its exact text and the cells found in it, in document order.
public struct Notebook: Hashable, Sendable {
  /// The path the lesson was read from, as the user named it.
  public var path: String
  /// The lesson's name: the file name without `.md` (the output is `NAME.md`).
  public var name: String
  /// The exact bytes of the file: valid UTF-8 without NUL bytes when the notebook was parsed
  /// from a file (what the renderers copy from; a long lesson is kept once, not as a String
  /// too).
  package let utf8: [UInt8]
  /// The exact text of the file.
  package var text: String { String(decoding: utf8, as: UTF8.self) }
  /// The cells that run, in document order.
  public var cells: [Cell]
  /// The shared blocks (`shared=true`), in document order: declarations every cell can use,
  /// compiled but never run.
  package var declarations: [Cell]
  /// The text's Markdown as cmark parsed it, the one parse the cells were found in: what the
  /// web page, the title and the language are made from.
  package let markdown: MarkdownDocument

  /// Creates a notebook (and parses its text's Markdown, for the renderers).
  package init(path: String, name: String, text: String, cells: [Cell], declarations: [Cell] = []) {
    self.init(
      path: path, name: name, utf8: Array(text.utf8), cells: cells, declarations: declarations,
      markdown: MarkdownDocument.parse(text))
  }

  /// Creates a notebook of a text, as UTF-8 bytes, whose Markdown is already parsed.
  init(
    path: String, name: String, utf8: [UInt8], cells: [Cell], declarations: [Cell],
    markdown: MarkdownDocument
  ) {
    self.path = path
    self.name = name
    self.utf8 = utf8
    self.cells = cells
    self.declarations = declarations
    self.markdown = markdown
  }

  /// Whether two notebooks have the same path, name, bytes and cells (their parsed Markdown
  /// follows from the bytes).
  public static func == (a: Notebook, b: Notebook) -> Bool {
    a.path == b.path && a.name == b.name && a.utf8 == b.utf8 && a.cells == b.cells
      && a.declarations == b.declarations
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(name)
    hasher.combine(utf8)
    hasher.combine(cells)
    hasher.combine(declarations)
  }
}

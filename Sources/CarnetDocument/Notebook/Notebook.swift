/// A parsed lesson: its exact text and the cells found in it, in document order.
public struct Notebook: Hashable, Sendable {
  /// The path the lesson was read from, as the user named it.
  public var path: String
  /// The lesson's name: the file name without `.md` (the output is `NAME.md`).
  public var name: String
  /// The exact text of the file.
  package var text: String {
    didSet { markdown = MarkdownDocument.parse(text) }
  }
  /// The cells that run, in document order.
  public var cells: [Cell]
  /// The shared blocks (`shared=true`), in document order: declarations every cell can use,
  /// compiled but never run.
  package var declarations: [Cell]
  /// The text's Markdown as cmark parsed it, the one parse the cells were found in: what the
  /// web page, the title and the language are made from. It follows `text`.
  package private(set) var markdown: MarkdownDocument

  /// Creates a notebook (and parses its text's Markdown, for the renderers).
  package init(path: String, name: String, text: String, cells: [Cell], declarations: [Cell] = []) {
    self.init(
      path: path, name: name, text: text, cells: cells, declarations: declarations,
      markdown: MarkdownDocument.parse(text))
  }

  /// Creates a notebook whose text's Markdown is already parsed.
  init(
    path: String, name: String, text: String, cells: [Cell], declarations: [Cell],
    markdown: MarkdownDocument
  ) {
    self.path = path
    self.name = name
    self.text = text
    self.cells = cells
    self.declarations = declarations
    self.markdown = markdown
  }

  /// Whether two notebooks have the same path, name, text and cells (their parsed Markdown
  /// follows from the text).
  public static func == (a: Notebook, b: Notebook) -> Bool {
    a.path == b.path && a.name == b.name && a.text == b.text && a.cells == b.cells
      && a.declarations == b.declarations
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(name)
    hasher.combine(text)
    hasher.combine(cells)
    hasher.combine(declarations)
  }
}

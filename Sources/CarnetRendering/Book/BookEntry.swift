import CarnetDocument

/// One lesson of a book, as its contents page and its neighbours' navigation name it: its
/// name, its title, and its rendered files (relative to the contents page).
public struct BookEntry: Hashable, Sendable {
  /// The lesson's name (`demo` for `Notebooks/demo.md`).
  public var name: String
  /// The lesson's title, as plain text (`Notebook.title`).
  public var title: String
  /// Its web page's file name, such as `demo.html`.
  public var htmlFile: String
  /// Its rendered Markdown's file name, such as `demo.md`.
  public var markdownFile: String

  /// Creates an entry; the files default to `NAME.html` and `NAME.md`.
  public init(name: String, title: String, htmlFile: String? = nil, markdownFile: String? = nil) {
    self.name = name
    self.title = title
    self.htmlFile = htmlFile ?? name + ".html"
    self.markdownFile = markdownFile ?? name + ".md"
  }

  /// The entry of a lesson: its name, its title, `NAME.html` and `NAME.md`.
  public init(notebook: Notebook) {
    self.init(name: notebook.name, title: notebook.title)
  }

  /// The web page's file name as a relative URL reference (percent-encoded).
  public var htmlHref: String { RelativeURL.reference(toFile: htmlFile) }

  /// The Markdown file's name as a relative URL reference (percent-encoded).
  public var markdownHref: String { RelativeURL.reference(toFile: markdownFile) }
}

import CarnetDocument

/// One lesson of a book, as its contents page and its neighbours' navigation name it: its
/// name, its title, and its rendered files (relative to the contents page).
package struct BookEntry: Hashable, Sendable {
  /// The lesson's name (`demo` for `Notebooks/demo.md`).
  package var name: String
  /// The lesson's title, as plain text (`Notebook.title`).
  package var title: String
  /// Its web page's file name, such as `demo.html`.
  package var htmlFile: String
  /// Its rendered Markdown's file name, such as `demo.md`.
  package var markdownFile: String

  /// Creates an entry; the files default to `NAME.html` and `NAME.md`.
  package init(name: String, title: String, htmlFile: String? = nil, markdownFile: String? = nil) {
    self.name = name
    self.title = title
    self.htmlFile = htmlFile ?? name + ".html"
    self.markdownFile = markdownFile ?? name + ".md"
  }

  /// The entry of a lesson: its name, its title, `NAME.html` and `NAME.md`.
  package init(notebook: Notebook) {
    self.init(name: notebook.name, title: notebook.title)
  }

  /// The web page's file name as a relative URL reference (percent-encoded).
  package var htmlHref: String { RelativeURL.reference(toFile: htmlFile) }

  /// The Markdown file's name as a relative URL reference (percent-encoded).
  package var markdownHref: String { RelativeURL.reference(toFile: markdownFile) }
}

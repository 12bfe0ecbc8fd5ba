import CarnetDocument

/// The contents page of a course published as a book: the course's title, then the lessons in
/// order, each a link to its page. As a web page (`index.html`, beside the lessons' pages, in
/// their frame and style) and as Markdown for readers on GitHub (`index.md`).
package enum BookIndex {
  /// The web page: `<h1>` the course's title, then an ordered list of links to each entry's
  /// web page, with its title. `language` is the page's (`<html lang>`); when it is not a
  /// well-formed language tag, `en`. Titles are escaped; the page is well-formed XML.
  package static func html(title: String, language: String, entries: [BookEntry]) -> String {
    var out = HTMLBuffer(capacity: 256 + entries.count * 96)
    out.markup("<h1>")
    out.text(title)
    out.markup("</h1>\n<ol class=\"book-index\">\n")
    for entry in entries {
      out.markup("<li><a href=\"")
      out.text(entry.htmlHref)
      out.markup("\">")
      out.text(entry.title)
      out.markup("</a></li>\n")
    }
    out.markup("</ol>\n")
    let body = out.bytes
    let pageLanguage = FrontMatter.isLanguageTag(language) ? language : "en"
    let page = HTMLPage.page(
      title: title, language: pageLanguage, bodySize: body.count, extraStyle: HTMLStyle.bookCSS
    ) { (page: inout HTMLBuffer) -> Void in page.markup(bytes: body) }
    return String(decoding: page, as: UTF8.self)
  }

  /// The Markdown page: `# Title`, a blank line, then `1. [Lesson title](NAME.md)`, one line
  /// per entry, numbered in order. Titles are escaped so that they read as plain text.
  package static func markdown(title: String, entries: [BookEntry]) -> String {
    var out = "# \(MarkdownEscaping.inline(title))\n"
    if !entries.isEmpty { out += "\n" }
    for (number, entry) in zip(1..., entries) {
      out += "\(number). [\(MarkdownEscaping.inline(entry.title))](\(entry.markdownHref))\n"
    }
    return out
  }
}

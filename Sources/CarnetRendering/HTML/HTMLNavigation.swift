/// The `<nav class="book">` of a book's lesson page: « previous, contents, next », each link
/// with its word (in the page's language) and its page's title. Plain links: no script, and
/// relative references that work from `file://`.
struct HTMLNavigation {
  /// Where a navigation bar sits.
  enum Position: String {
    /// Above the lesson.
    case top
    /// Below the lesson.
    case bottom
  }

  /// The links.
  var navigation: PageNavigation
  /// The page's words.
  var strings: PageStrings

  /// The bar's HTML, one line per link.
  func html(at position: Position) -> String {
    var out = HTMLBuffer(capacity: 512)
    out.markup("<nav class=\"book book-\(position.rawValue)\" aria-label=\"")
    out.text(strings.book.navigation)
    out.markup("\">\n")
    if let previous = navigation.previous { append(previous, .previous, to: &out) }
    append(navigation.contents, .contents, to: &out)
    if let next = navigation.next { append(next, .next, to: &out) }
    out.markup("</nav>\n")
    return out.string
  }

  /// What a link leads to; the raw value names its class (`book-previous`...).
  private enum Kind: String {
    case previous
    case contents
    case next
  }

  /// One link: `<a class="book-KIND" href="…" rel="…"><span class="book-word">« Word</span>
  /// <span class="book-title">Title</span></a>`.
  private func append(_ link: PageLink, _ kind: Kind, to out: inout HTMLBuffer) {
    out.markup("<a class=\"book-\(kind.rawValue)\" href=\"")
    out.text(link.href)
    out.markup("\"")
    switch kind {
    case .previous: out.markup(" rel=\"prev\"")
    case .next: out.markup(" rel=\"next\"")
    case .contents: break
    }
    out.markup("><span class=\"book-word\">")
    switch kind {
    case .previous:
      out.markup("<span aria-hidden=\"true\">«</span> ")
      out.text(strings.book.previous)
    case .contents:
      out.text(strings.book.contents)
    case .next:
      out.text(strings.book.next)
      out.markup(" <span aria-hidden=\"true\">»</span>")
    }
    out.markup("</span> <span class=\"book-title\">")
    out.text(link.title)
    out.markup("</span></a>\n")
  }
}

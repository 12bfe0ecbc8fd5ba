/// The links of a book's lesson page (`HTMLOptions.navigation`): to the contents page, and to
/// the lessons before and after it. The page shows them above and below the lesson.
package struct PageNavigation: Hashable, Sendable {
  /// The book's contents page; its title is the course's.
  package var contents: PageLink
  /// The lesson before this one, nil on the first lesson.
  package var previous: PageLink?
  /// The lesson after this one, nil on the last lesson.
  package var next: PageLink?

  /// Creates the links of a page.
  package init(contents: PageLink, previous: PageLink? = nil, next: PageLink? = nil) {
    self.contents = contents
    self.previous = previous
    self.next = next
  }

  /// The links of the page of `entries[index]`, in a book whose lessons are `entries` in
  /// order: its neighbours' web pages, and `contents`.
  /// - Precondition: `entries.indices.contains(index)`.
  package init(entries: [BookEntry], at index: Int, contents: PageLink) {
    precondition(entries.indices.contains(index), "no lesson \(index) in \(entries.count)")
    let link = { (entry: BookEntry) in PageLink(href: entry.htmlHref, title: entry.title) }
    self.init(
      contents: contents,
      previous: index > entries.startIndex ? link(entries[index - 1]) : nil,
      next: index + 1 < entries.endIndex ? link(entries[index + 1]) : nil)
  }
}

/// A link from one page of a book to another: where it goes, and the title it shows.
package struct PageLink: Hashable, Sendable {
  /// A URL reference relative to the page, such as `demo.html` (so that the book also reads
  /// from `file://`); written escaped, as given, so it must already be percent-encoded
  /// (`BookEntry.htmlHref` is).
  package var href: String
  /// The linked page's title, as plain text.
  package var title: String

  /// Creates a link.
  package init(href: String, title: String) {
    self.href = href
    self.title = title
  }
}

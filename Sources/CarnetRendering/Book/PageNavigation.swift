/// The links of a book's lesson page (`HTMLOptions.navigation`): to the contents page, and to
/// the lessons before and after it. The page shows them above and below the lesson.
public struct PageNavigation: Hashable, Sendable {
  /// The book's contents page; its title is the course's.
  public var contents: PageLink
  /// The lesson before this one, nil on the first lesson.
  public var previous: PageLink?
  /// The lesson after this one, nil on the last lesson.
  public var next: PageLink?

  /// Creates the links of a page.
  public init(contents: PageLink, previous: PageLink? = nil, next: PageLink? = nil) {
    self.contents = contents
    self.previous = previous
    self.next = next
  }

  /// The links of the page of `entries[index]`, in a book whose lessons are `entries` in
  /// order: its neighbours' web pages, and `contents`.
  /// - Precondition: `entries.indices.contains(index)`.
  public init(entries: [BookEntry], at index: Int, contents: PageLink) {
    precondition(entries.indices.contains(index), "no lesson \(index) in \(entries.count)")
    let link = { (entry: BookEntry) in PageLink(href: entry.htmlHref, title: entry.title) }
    self.init(
      contents: contents,
      previous: index > entries.startIndex ? link(entries[index - 1]) : nil,
      next: index + 1 < entries.endIndex ? link(entries[index + 1]) : nil)
  }
}

/// A link from one page of a book to another: where it goes, and the title it shows.
public struct PageLink: Hashable, Sendable {
  /// A URL reference relative to the page, such as `demo.html` (so that the book also reads
  /// from `file://`); written escaped, as given, so it must already be percent-encoded
  /// (`BookEntry.htmlHref` is).
  public var href: String
  /// The linked page's title, as plain text.
  public var title: String

  /// Creates a link.
  public init(href: String, title: String) {
    self.href = href
    self.title = title
  }
}

import CarnetDocument

extension Notebook {
  /// The lesson's title, as its web page shows it: the plain text of its first heading (after
  /// any front matter), else the lesson's name. Read from the lesson's one parse, without
  /// rendering it; a contents page can list many lessons this way.
  package var title: String {
    guard let heading = markdown.firstHeading, !heading.isEmpty else { return name }
    return heading
  }
}

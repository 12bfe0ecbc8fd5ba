import CarnetDocument

extension Notebook {
  /// The lesson's title, as its web page shows it: the plain text of its first heading (after
  /// any front matter), else the lesson's name. Parses the lesson's Markdown once, without
  /// rendering it; a contents page can list many lessons this way.
  public var title: String {
    let text = FrontMatter.parse(text)?.blanking(text) ?? text
    return Self.title(firstHeading: Cmark.firstHeading(in: text), name: name)
  }

  /// The title rule: a non-empty first heading, else the lesson's name.
  static func title(firstHeading: String?, name: String) -> String {
    guard let firstHeading, !firstHeading.isEmpty else { return name }
    return firstHeading
  }
}

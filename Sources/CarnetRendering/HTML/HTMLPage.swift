/// The page around a rendered lesson: doctype, `<head>` (charset, viewport, title, inline
/// styles), and the lesson's HTML in `<main>`, between an optional header and footer (a book's
/// navigation). Nothing is loaded from elsewhere, and the page is well-formed XML (every element
/// closed, every attribute quoted).
enum HTMLPage {
  /// A complete page, as UTF-8 bytes; `title` and `language` are escaped; `body` appends the page's HTML
  /// (about `bodySize` bytes) in place; `header` and `footer` are HTML; `extraStyle` is CSS added
  /// after `HTMLStyle.css` (no `<` nor `&`). With the defaults, the page is exactly a lesson's
  /// page without navigation.
  static func page(
    title: String, language: String, bodySize: Int, header: String = "", footer: String = "",
    extraStyle: String = "", body: (inout HTMLBuffer) -> Void
  ) -> [UInt8] {
    var out = HTMLBuffer(
      capacity: bodySize + HTMLStyle.css.utf8.count + extraStyle.utf8.count
        + header.utf8.count + footer.utf8.count + 1024)
    out.markup("<!DOCTYPE html>\n<html lang=\"")
    out.text(language)
    out.markup(
      """
      ">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <meta name="generator" content="Carnet" />
      <title>
      """)
    out.text(title)
    out.markup("</title>\n<style>\n")
    out.markup(HTMLStyle.css)
    out.markup(extraStyle)
    out.markup("</style>\n</head>\n<body>\n")
    out.markup(header)
    out.markup("<main class=\"lesson\">\n")
    body(&out)
    out.markup("</main>\n")
    out.markup(footer)
    out.markup("</body>\n</html>\n")
    return out.bytes
  }
}

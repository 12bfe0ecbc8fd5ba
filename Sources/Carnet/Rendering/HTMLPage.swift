/// The page around a rendered lesson: doctype, `<head>` (charset, viewport, title, inline
/// styles), and the lesson's HTML in `<main>`. Nothing is loaded from elsewhere, and the page
/// is well-formed XML (every element closed, every attribute quoted).
enum HTMLPage {
  /// A complete page; `title` and `language` are escaped, `body` is HTML.
  static func page(title: String, language: String, body: String) -> String {
    var out = HTMLBuffer(capacity: body.utf8.count + HTMLStyle.css.utf8.count + 1024)
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
    out.markup("</style>\n</head>\n<body>\n<main class=\"lesson\">\n")
    out.markup(body)
    out.markup("</main>\n</body>\n</html>\n")
    return out.string
  }
}

/// Escaping plain text for Markdown written by Carnet (a book's contents, `BookIndex`).
enum MarkdownEscaping {
  /// `text` as Markdown inline text that reads back as exactly `text` on GitHub too: the ASCII
  /// punctuation that could start markup (emphasis, links, code, HTML, entities, math, tables,
  /// strikethrough, a heading's closing `#`) gets a backslash, and line breaks become spaces.
  static func inline(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "!", "#", "$", "|", "~":
        out.unicodeScalars.append("\\")
        out.unicodeScalars.append(scalar)
      case "\n", "\r":
        out.unicodeScalars.append(" ")
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

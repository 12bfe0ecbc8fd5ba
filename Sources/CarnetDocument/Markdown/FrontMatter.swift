/// A YAML-style front matter block at the very start of a lesson (after an optional byte order
/// mark): a line `---`, `key: value` lines, and a closing line `---` or `...`.
///
/// Carnet reads only `lang:`. The block is not Markdown: cmark parses the lesson with it blanked
/// (`MarkdownDocument`), so the web page does not show it and no cell is found in it; Markdown
/// output keeps the whole file byte for byte anyway.
package struct FrontMatter: Hashable, Sendable {
  /// The `lang:` value, when it is a well-formed language tag (`fr`, `fr-CA`, `de-CH-1901`).
  package var language: String?
  /// UTF-8 offset just past the closing line (and its line ending).
  package var end: Int

  /// The front matter of `text`, or nil when the text does not start with a closed one.
  static func parse(_ text: String) -> FrontMatter? {
    parse(utf8: text.utf8)
  }

  /// The front matter of a UTF-8 text, or nil when the text does not start with a closed one.
  static func parse<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> FrontMatter? {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var language: String?
    var isFirst = true
    for line in Lines(bytes: Array(bytes.prefix(maximumLength)), start: start) {
      let content = trimmed(line.content)
      if isFirst {
        guard content == "---" else { return nil }
        isFirst = false
      } else if content == "---" || content == "..." {
        return FrontMatter(language: language, end: line.end)
      } else if language == nil, let value = value(of: "lang", in: content) {
        language = isLanguageTag(value) ? value : nil
      }
    }
    return nil
  }

  /// Front matter longer than this is not looked for (it would not be front matter).
  static let maximumLength = 64 * 1024

  /// What cmark reads in place of the front matter: its line endings only, so that line numbers
  /// (and cmark's) stay those of the file.
  func blankedLines(of text: String) -> [UInt8] {
    blankedLines(ofUTF8: text.utf8)
  }

  /// `blankedLines(of:)` of a UTF-8 text.
  func blankedLines<Bytes: Collection<UInt8>>(ofUTF8 bytes: Bytes) -> [UInt8] {
    bytes.prefix(end).filter { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
  }

  /// Whether `tag` looks like a BCP 47 language tag: ASCII letters, digits and hyphens, starting
  /// with a letter, at most 35 characters.
  package static func isLanguageTag(_ tag: String) -> Bool {
    guard let first = tag.utf8.first, isLetter(first), tag.utf8.count <= 35 else { return false }
    return tag.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
  }

  /// The value of `key: value` (quotes and a trailing ` # comment` removed), if the line has
  /// that key.
  private static func value(of key: String, in line: String) -> String? {
    guard line.hasPrefix(key + ":") else { return nil }
    var value = Substring(line.dropFirst(key.count + 1))
    if let comment = value.firstRange(of: " #") { value = value[..<comment.lowerBound] }
    value = Substring(trimmed(String(value)))
    if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'",
      value.last == quote
    {
      value = value.dropFirst().dropLast()
    }
    return String(value)
  }

  private static func trimmed(_ text: String) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

/// The lines of some bytes from an offset on: each line's content and the offset past its end.
private struct Lines: Sequence, IteratorProtocol {
  let bytes: [UInt8]
  var start: Int

  mutating func next() -> (content: String, end: Int)? {
    guard start < bytes.count else { return nil }
    var index = start
    while index < bytes.count, bytes[index] != UInt8(ascii: "\n"),
      bytes[index] != UInt8(ascii: "\r")
    {
      index += 1
    }
    let content = String(decoding: bytes[start..<index], as: UTF8.self)
    if index < bytes.count {
      let crlf =
        bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.count
        && bytes[index + 1] == UInt8(ascii: "\n")
      index += crlf ? 2 : 1
    }
    start = index
    return (content, index)
  }
}

import CarnetDocument
import Foundation

/// The order of a course's lessons in its book, from the optional file `Notebooks/contents.txt`:
///
/// ```text
/// # Programmation asynchrone en Swift
/// // the lessons, in reading order
/// demo.md
/// programmation-asynchrone.md
/// ```
///
/// An optional first line `# Course title`, then one lesson file name per line, as it is in the
/// lessons' folder. Blank lines and comments (from `//` to the end of the line; a title keeps
/// its `//`) are ignored, and so are spaces around a name. Lessons of the folder that the file
/// does not list come after the listed ones, in file-name order; so a course without the file
/// reads its lessons in file-name order.
package struct BookContents: Hashable, Sendable {
  /// The name of the file, in the lessons' folder.
  package static let fileName = "contents.txt"

  /// The course's title, when the file gives one.
  package var title: String?
  /// Every lesson's file name (`demo.md`), in reading order.
  package var order: [String]

  /// Creates contents.
  package init(title: String? = nil, order: [String]) {
    self.title = title
    self.order = order
  }

  /// The contents of a folder with no contents file: its lessons in file-name order.
  package init(lessons: [String]) {
    self.init(order: lessons.sorted())
  }

  /// The contents of a lessons' folder: its `contents.txt` when it has one, else its lessons in
  /// file-name order. `lessons` are the file names of the folder's lessons.
  ///
  /// - Throws: `InputError` when the file cannot be read or is not valid UTF-8, or as `parse`.
  package static func read(folder: String, lessons: [String]) throws(InputError) -> BookContents {
    let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
    guard FileManager.default.fileExists(atPath: path) else {
      return BookContents(lessons: lessons)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(Diagnostic(path: path, message: "cannot read this file"))
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw InputError(Diagnostic(path: path, message: "not valid UTF-8"))
    }
    return try parse(text: text, path: path, lessons: lessons)
  }

  /// Reads a contents file's text, read from `path`; `lessons` are the file names of the
  /// lessons of its folder.
  ///
  /// - Throws: `InputError` with one diagnostic at each bad line: a name that is no lesson of
  ///   the folder (`contents.txt:3: error: no lesson 'x.md' in this folder`, with a suggestion
  ///   when one is close), a lesson listed twice, a title after the first line, an empty title.
  package static func parse(
    text: String, path: String, lessons: [String]
  ) throws(InputError) -> BookContents {
    var reader = BookContentsReader(path: path, lessons: lessons)
    for (index, line) in BookContentsReader.lines(of: text).enumerated() {
      reader.read(line, number: index + 1)
    }
    guard reader.diagnostics.isEmpty else { throw InputError(reader.diagnostics) }
    let listed = Set(reader.order)
    let rest = lessons.filter { !listed.contains($0) }.sorted()
    return BookContents(title: reader.title, order: reader.order + rest)
  }
}

/// Reads a contents file line by line, collecting every problem.
private struct BookContentsReader {
  let path: String
  let lessons: Set<String>
  var title: String?
  var order: [String] = []
  var diagnostics: [Diagnostic] = []
  private var firstLineOf: [String: Int] = [:]
  private var hasEntries = false

  init(path: String, lessons: [String]) {
    self.path = path
    self.lessons = Set(lessons)
  }

  /// The lines of `text`, split at `\n`, `\r\n` or a lone `\r`.
  static func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    var start = text.startIndex
    var index = start
    while index < text.endIndex {
      // `Character` keeps "\r\n" as one character.
      if text[index] == "\n" || text[index] == "\r" || text[index] == "\r\n" {
        lines.append(text[start..<index])
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    if start < text.endIndex { lines.append(text[start...]) }
    return lines
  }

  mutating func read(_ rawLine: Substring, number: Int) {
    let line = Self.trimmed(rawLine)
    if line.hasPrefix("#") {
      readTitle(line.dropFirst(), number: number)
      return
    }
    let name = Self.trimmed(line.range(of: "//").map { line[..<$0.lowerBound] } ?? line)
    guard !name.isEmpty else { return }
    hasEntries = true
    let file = String(name)
    guard lessons.contains(file) else {
      error(at: number, "no lesson '\(file)' in this folder" + suggestion(for: file))
      return
    }
    if let first = firstLineOf[file] {
      error(at: number, "lesson '\(file)' is listed twice (first at line \(first))")
      return
    }
    firstLineOf[file] = number
    order.append(file)
  }

  private mutating func readTitle(_ text: Substring, number: Int) {
    guard title == nil, !hasEntries else {
      error(at: number, "the course title ('# Title') must be the first line, and only one")
      return
    }
    let text = Self.trimmed(text)
    guard !text.isEmpty else {
      error(at: number, "empty course title: write '# Title', or no '#' line")
      return
    }
    title = String(text)
  }

  /// "; did you mean 'demo.md'?" when a lesson's name is close to `file` (a typo, a missing
  /// `.md`, a path instead of a name).
  private func suggestion(for file: String) -> String {
    if lessons.contains(file + ".md") { return "; did you mean '\(file).md'?" }
    if let last = file.split(separator: "/").last.map(String.init), last != file,
      lessons.contains(last)
    {
      return "; write the file name only: '\(last)'"
    }
    let closest = lessons.sorted().map { ($0, EditDistance.between(file, $0)) }
      .min { $0.1 < $1.1 }
    guard let closest, closest.1 <= 2 else { return "" }
    return "; did you mean '\(closest.0)'?"
  }

  private mutating func error(at line: Int, _ message: String) {
    diagnostics.append(Diagnostic(path: path, line: line, message: message))
  }

  private static func trimmed(_ text: Substring) -> Substring {
    var text = text.drop(while: isBlank)
    while let last = text.last, isBlank(last) { text = text.dropLast() }
    return text
  }

  private static func isBlank(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\u{FEFF}"
  }
}

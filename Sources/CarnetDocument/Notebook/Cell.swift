/// A fenced code block tagged `swift cell=ID`: what to run, and where it sits in the lesson's text.
public struct Cell: Hashable, Sendable {
  /// The cell's ID, unique in its lesson (lowercase letters, digits, hyphens).
  public var id: String
  /// The options given after the ID.
  public var options: CellOptions
  /// The code between the fences, exactly as cmark reads it (container prefixes removed).
  /// Lexed by its readers (the nondeterminism lint, the web page's highlighting), on their own
  /// threads, not when the lesson is read.
  package var code: String
  /// Where the opening fence starts.
  package var location: SourceLocation
  /// Line number of the first line of code (the line after the opening fence).
  package var firstCodeLine: Int
  /// Where the block sits in the raw bytes, for the renderer.
  package var layout: CellLayout
  /// How many bytes precede the code on each of its lines in the lesson (container markers and
  /// indentation), so that column 1 of `code` is column `codeIndentation + 1` of the lesson.
  /// When lines differ (an unevenly indented line), the smallest is kept.
  package var codeIndentation: Int

  /// Creates a cell.
  package init(
    id: String, options: CellOptions, code: String, location: SourceLocation,
    firstCodeLine: Int, layout: CellLayout, codeIndentation: Int = 0
  ) {
    self.id = id
    self.options = options
    self.code = code
    self.location = location
    self.firstCodeLine = firstCodeLine
    self.layout = layout
    self.codeIndentation = codeIndentation
  }
}

/// The byte-level position of a cell's fenced block in the lesson's text.
package struct CellLayout: Hashable, Sendable {
  /// UTF-8 offset of the start of the opening fence's line.
  package var blockStart: Int
  /// UTF-8 offset just past the closing fence's line, including its line ending when it has one.
  package var blockEnd: Int
  /// The text before the fence on the opening line (container markers and indentation).
  package var openingPrefix: String
  /// The text before the fence on the closing line: every output line starts with it.
  package var closingPrefix: String
  /// The closing fence's line ending (`"\n"` or `"\r\n"`); output lines use it.
  package var lineEnding: String
  /// True when the closing fence is the last line of the file and has no line ending.
  package var closingFenceAtEndOfFile: Bool

  /// Creates a layout.
  package init(
    blockStart: Int, blockEnd: Int, openingPrefix: String, closingPrefix: String,
    lineEnding: String, closingFenceAtEndOfFile: Bool
  ) {
    self.blockStart = blockStart
    self.blockEnd = blockEnd
    self.openingPrefix = openingPrefix
    self.closingPrefix = closingPrefix
    self.lineEnding = lineEnding
    self.closingFenceAtEndOfFile = closingFenceAtEndOfFile
  }
}

/// A position in a lesson file: 1-based line and 1-based column (in UTF-8 bytes, as cmark counts).
package struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// 1-based line number.
  package var line: Int
  /// 1-based column, counted in UTF-8 bytes.
  package var column: Int

  /// Creates a location from a 1-based line and column.
  package init(line: Int, column: Int = 1) {
    self.line = line
    self.column = column
  }

  package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  package var description: String { "\(line):\(column)" }
}

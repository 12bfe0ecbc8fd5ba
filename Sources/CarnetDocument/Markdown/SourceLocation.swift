/// A position in a lesson file: 1-based line and 1-based column (in UTF-8 bytes, as cmark counts).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in UTF-8 bytes.
  public var column: Int

  /// Creates a location from a 1-based line and column.
  public init(line: Int, column: Int = 1) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  public var description: String { "\(line):\(column)" }
}

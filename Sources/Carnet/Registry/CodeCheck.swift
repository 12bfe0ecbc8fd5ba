/// Compares a cell's shown code with the source of the example it runs: they must be the same
/// lines, trailing spaces, surrounding blank lines and common indentation aside.
public enum CodeCheck {
  /// A cell whose shown code differs from its example's source.
  public struct Mismatch: Sendable, CustomStringConvertible {
    /// One line naming both places.
    public var diagnostic: Diagnostic
    /// A unified diff from the example's source to the cell's code.
    public var diff: String

    public var description: String { diagnostic.description + "\n" + diff }
  }

  /// `nil` when `cell` shows exactly the code of `source`, else what differs.
  public static func compare(
    cell: Cell, notebookPath: String, source: ExampleSource
  ) -> Mismatch? {
    let shown = normalized(cell.code.split(separator: "\n", omittingEmptySubsequences: false))
    let registered = normalized(source.lines[...])
    guard shown != registered else { return nil }
    let sourcePlace = "\(source.displayPath):\(source.firstLine)"
    let cellPlace = "\(notebookPath):\(cell.firstCodeLine)"
    let diagnostic = Diagnostic(
      path: notebookPath, location: cell.location,
      message: "cell '\(cell.id)' shows code that differs from its example at \(sourcePlace)")
    let diff = LineDiff.unified(
      old: registered.joined(separator: "\n") + "\n", new: shown.joined(separator: "\n") + "\n",
      oldLabel: sourcePlace, newLabel: cellPlace)
    return Mismatch(diagnostic: diagnostic, diff: diff)
  }

  /// Lines without trailing whitespace or `\r`, without leading and trailing blank lines, and
  /// without the indentation they all share.
  static func normalized<Line: StringProtocol>(_ lines: some Collection<Line>) -> [String] {
    var trimmed = lines.map { line -> String in
      let withoutReturn = line.hasSuffix("\r") ? line.dropLast() : line[...]
      return withoutReturn.trimmingTrailingWhitespace
    }
    while trimmed.first?.isEmpty == true { trimmed.removeFirst() }
    while trimmed.last?.isEmpty == true { trimmed.removeLast() }
    let indents = trimmed.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
    let common = indents.min() ?? 0
    return trimmed.map { $0.isEmpty ? $0 : String($0.dropFirst(common)) }
  }
}

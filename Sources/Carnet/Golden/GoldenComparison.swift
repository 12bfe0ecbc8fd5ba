import Foundation

/// The result of comparing a rendered lesson with its committed golden file.
package enum GoldenVerdict: Equatable, Sendable {
  /// The rendered lesson is byte for byte the golden file.
  case match
  /// They differ; `diff` is a unified diff from the golden file to the rendered lesson.
  case differs(diff: String)
  /// There is no golden file at `path`.
  case missing(path: String)

  /// A readable account of the verdict, for a test failure or the command line; callers add
  /// how to accept the change (that differs between the test suite and the CLI).
  package var message: String {
    switch self {
    case .match:
      return "the rendered lesson matches its golden file"
    case .differs(let diff):
      return "the rendered lesson differs from its golden file:\n" + diff
    case .missing(let path):
      return "golden file \(path) is missing"
    }
  }
}

/// Compares rendered lessons with golden files: the one check shared by the test suite and
/// `carnet check`.
package enum GoldenComparison {
  /// Compares the golden file's text (`nil` when the file is missing) with the rendered text.
  ///
  /// The comparison is byte for byte (not Unicode canonical equivalence), line endings
  /// included. The diff is labelled `goldenPath` (committed) and `goldenPath (rendered)`.
  package static func compare(expected: String?, actual: String, goldenPath: String)
    -> GoldenVerdict
  {
    guard let expected else { return .missing(path: goldenPath) }
    if sameBytes(expected, actual) { return .match }
    let diff = LineDiff.unified(
      old: expected, new: actual, oldLabel: goldenPath, newLabel: "\(goldenPath) (rendered)")
    return .differs(diff: diff)
  }

  /// True when both strings have the same UTF-8 bytes.
  private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right in
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
          return true
        }
        return memcmp(leftBase, rightBase, left.count) == 0
      }
    }
  }
}

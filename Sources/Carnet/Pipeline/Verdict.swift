/// What a command's run came to, worst first: the exit status of `carnet render` and
/// `carnet check`.
package enum Verdict: Int32, Sendable, Comparable {
  /// Everything done; the outputs match.
  case success = 0
  /// A cell failed, or an output differs from the committed one.
  case failed = 1
  /// A lesson could not be read, or is not the one compiled into the binary.
  case invalidInput = 2
  /// A file could not be written.
  case writeFailed = 3

  /// How bad the verdict is: a write failure outranks invalid input, which outranks a failure.
  private var severity: Int {
    switch self {
    case .success: 0
    case .failed: 1
    case .invalidInput: 2
    case .writeFailed: 3
    }
  }

  /// Orders verdicts by severity.
  package static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }

  /// The exit status a command ends with.
  package var exitStatus: Int32 { rawValue }
}

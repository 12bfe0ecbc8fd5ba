import Carnet
import CarnetDocument
import Foundation

/// Messages on standard error: diagnostics always, progress only when stderr is a terminal.
enum Terminal {
  /// True when standard error is a terminal.
  static let showsProgress = isatty(FileHandle.standardError.fileDescriptor) != 0

  /// Prints one line to standard error.
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics to standard error, one per line.
  static func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { error(diagnostic.description) }
  }

  /// Prints a progress line when standard error is a terminal.
  static func progress(_ line: String) {
    if showsProgress { error(line) }
  }
}

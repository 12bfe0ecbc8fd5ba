/// What the compiler said about a cell marked `expect=compile-error`, checked at build time.
public struct CompileCheck: Hashable, Sendable {
  /// Whether the cell compiled without errors (which fails its lesson: it must not compile).
  package var compiles: Bool
  /// The compiler's errors, warnings and notes about the cell, in the compiler's order, one
  /// line each: `NAME.md:LINE:COL: error: ...`, with the lesson's own lines and no folder.
  package var diagnostics: [String]

  /// A check result (generated code calls this).
  public init(compiles: Bool, diagnostics: [String]) {
    self.compiles = compiles
    self.diagnostics = diagnostics
  }

  /// Reads the compiler's output (`-diagnostic-style llvm`) about a check file whose lesson is
  /// named `lessonPath` in its `#sourceLocation`. Keeps the diagnostics located in `lines` of
  /// the lesson (the cell's), and the notes that follow a kept one wherever they point; names
  /// the lesson by its file name only. Returns nil when the compiler reported an error outside
  /// the lesson (in Carnet's own support code), which is not the cell's doing.
  package static func read(
    compilerOutput: String, lessonPath: String, lines: ClosedRange<Int>
  ) -> CompileCheck? {
    let shownName = lessonPath.split(separator: "/").last.map(String.init) ?? lessonPath
    var kept: [String] = []
    var keepingNotes = false
    var compiles = true
    for line in compilerOutput.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let diagnostic = ParsedDiagnostic(line) else { continue }
      guard diagnostic.file == lessonPath else {
        if diagnostic.severity == "error" { return nil }
        continue
      }
      if diagnostic.severity == "note" {
        if keepingNotes { kept.append(shownName + diagnostic.rest) }
        continue
      }
      keepingNotes = lines.contains(diagnostic.line)
      guard keepingNotes else { continue }
      if diagnostic.severity == "error" { compiles = false }
      kept.append(shownName + diagnostic.rest)
    }
    return CompileCheck(compiles: compiles, diagnostics: kept)
  }
}

/// One `FILE:LINE:COL: SEVERITY: MESSAGE` line of the compiler's output.
private struct ParsedDiagnostic {
  var file: String
  var line: Int
  var severity: String
  /// Everything after the file: `:LINE:COL: SEVERITY: MESSAGE`.
  var rest: String

  init?(_ text: Substring) {
    for severity in ["error", "warning", "note"] {
      guard let marker = text.firstRange(of: ": \(severity): ") else { continue }
      let place = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      guard place.count >= 3, let line = Int(place[place.count - 2]),
        Int(place[place.count - 1]) != nil
      else { continue }
      file = place.dropLast(2).joined(separator: ":")
      self.line = line
      self.severity = severity
      rest = ":\(place[place.count - 2]):\(place[place.count - 1])" + text[marker.lowerBound...]
      return
    }
    return nil
  }
}

import CarnetDocument

/// What the pipeline tells as it goes, in order, for a command line to show: diagnostics are
/// always shown; the other events are progress.
package enum PipelineEvent: Sendable {
  /// Errors and warnings: refused lessons, cells' warnings and failures, drifted or unwritten
  /// files.
  case diagnostics([Diagnostic])
  /// A lesson starts running (only when lessons run one at a time, with its cells' progress).
  case lessonStarts(Lesson)
  /// Cell `index` of the lesson starts (lessons run one at a time).
  case cellStarts(index: Int, of: Int, cell: Cell)
  /// Lesson `index` of `count` is done (lessons ran several at a time).
  case lessonDone(index: Int, of: Int, Lesson)
  /// A file was written.
  case wrote(path: String)
  /// The unified diff between a committed output and what the lesson renders to now.
  case diff(String)
}

/// What a pipeline did, for a command's last line and exit status.
package struct PipelineOutcome: Sendable, Equatable {
  /// The worst thing that happened.
  package var verdict: Verdict = .success
  /// The lessons handled.
  package var lessons = 0
  /// Their cells.
  package var cells = 0
  /// The files written (render) or compared (check).
  package var files = 0
}

import CarnetDocument

/// What the parent asks a cell worker process to run (one frame on the worker's stdin).
package struct CellRequest: Sendable {
  /// The name of the cell's lesson.
  package var lessonName: String
  /// The cell's ID.
  package var cellID: String
  /// The cell's options.
  package var options: CellOptions
  /// The clock cells follow.
  package var clock: ClockMode
  /// Real seconds the cell may keep the loop busy.
  package var wallClockLimitSeconds: Double
  /// Whether to record the cell's task timeline.
  package var recordsTimeline: Bool
  /// The most bytes of output kept.
  package var outputLimit: Int
}

/// One frame from a cell worker: output as the cell prints it (so that output before a
/// crash is not lost), then the finished run with any late output of earlier cells.
package enum WorkerMessage: Sendable {
  /// Text the running cell just printed.
  case output(String)
  /// The cell ended; `run` is nil when the worker does not know the ID.
  case finished(run: CellRun?, lateOutput: [LateOutputLog.Entry])
  /// The parent closed the worker's stdin: the last late output, just before the worker exits.
  case closing(lateOutput: [LateOutputLog.Entry])
}

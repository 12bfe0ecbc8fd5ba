/// One cell to run: its example and options.
public struct CellJob: Sendable {
  /// The example to run.
  public var example: Example
  /// The cell's ID.
  public var cellID: String
  /// The cell's options.
  public var options: CellOptions

  /// Creates a job.
  public init(example: Example, cellID: String, options: CellOptions) {
    self.example = example
    self.cellID = cellID
    self.options = options
  }
}

/// Something that runs cells and reports what happened: in this process (`CellRunner`) or in a
/// child process that may crash without taking Carnet down (`ProcessCellRunner`).
public protocol CellRunning: Sendable {
  /// Runs `example` as the cell `cellID` with `options`.
  func run(_ example: Example, cellID: String, options: CellOptions) -> CellRun

  /// Runs `jobs` in order, one at a time; `willStart(i)` is called when job `i` starts.
  func runAll(_ jobs: [CellJob], willStart: (Int) -> Void) -> [CellRun]

  /// Returns and forgets what escaped tasks printed after their cell ended.
  func drainLateOutput() -> [LateOutputLog.Entry]
}

extension CellRunning {
  /// Runs the jobs one after the other with `run`.
  public func runAll(_ jobs: [CellJob], willStart: (Int) -> Void) -> [CellRun] {
    jobs.enumerated().map { index, job in
      willStart(index)
      return run(job.example, cellID: job.cellID, options: job.options)
    }
  }
}

extension CellRunner: CellRunning {
  /// Late output of cells run in this process.
  public func drainLateOutput() -> [LateOutputLog.Entry] { LateOutputLog.shared.drain() }
}

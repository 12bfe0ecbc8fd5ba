import CarnetDocument

/// One cell to run: its lesson, its compiled code and its options.
public struct CellJob: Sendable {
  /// The name of the cell's lesson (a worker looks the cell up in it).
  package var lessonName: String
  /// The compiled cell.
  package var cell: CompiledCell
  /// The cell's options.
  package var options: CellOptions

  /// The cell's ID.
  package var cellID: String { cell.id }

  /// Creates a job.
  public init(lessonName: String, cell: CompiledCell, options: CellOptions) {
    self.lessonName = lessonName
    self.cell = cell
    self.options = options
  }
}

/// Something that runs cells and reports what happened: in this process (`CellRunner`) or in a
/// child process that may crash without taking Carnet down (`ProcessCellRunner`).
public protocol CellRunning: Sendable {
  /// Runs one cell.
  func run(_ job: CellJob) -> CellRun

  /// Runs `jobs` in order, one at a time; `willStart(i)` is called when job `i` starts, and
  /// stops the run there when it returns false (the runs so far are returned).
  func runAll(_ jobs: [CellJob], willStart: (Int) -> Bool) -> [CellRun]

  /// Returns and forgets what escaped tasks printed after their cell ended.
  func drainLateOutput() -> [LateOutputLog.Entry]
}

extension CellRunning {
  /// Runs the jobs one after the other with `run`.
  public func runAll(_ jobs: [CellJob], willStart: (Int) -> Bool) -> [CellRun] {
    var runs: [CellRun] = []
    for (index, job) in jobs.enumerated() {
      guard willStart(index) else { break }
      runs.append(run(job))
    }
    return runs
  }
}

extension CellRunner: CellRunning {
  /// Runs the job's cell in this process.
  public func run(_ job: CellJob) -> CellRun { run(job.cell, options: job.options) }

  /// Late output of cells run in this process.
  public func drainLateOutput() -> [LateOutputLog.Entry] { LateOutputLog.shared.drain() }
}

import CarnetDocument

/// Runs every cell of a lesson, in order, each on its own event loop.
public struct NotebookRunner: Sendable {
  /// How each cell runs.
  public var cellRunner: any CellRunning

  /// Creates a runner.
  public init(cellRunner: any CellRunning = CellRunner()) {
    self.cellRunner = cellRunner
  }

  /// Runs every cell with its compiled code (`cells[i]` for `notebook.cells[i]`); `progress` is
  /// called before each cell starts.
  public func run(
    _ notebook: Notebook, cells: [CompiledCell],
    progress: (_ index: Int, _ cell: Cell) -> Void = { _, _ in }
  ) -> NotebookRun {
    precondition(cells.count == notebook.cells.count, "one compiled cell per cell")
    var failures: [Diagnostic] = []
    let jobs = zip(notebook.cells, cells).map { cell, compiled in
      CellJob(lessonName: notebook.name, cell: compiled, options: cell.options)
    }
    let runs = cellRunner.runAll(jobs) { index in progress(index, notebook.cells[index]) }
    for (cell, run) in zip(notebook.cells, runs) {
      if let problem = Self.failure(of: run, options: cell.options) {
        failures.append(
          Diagnostic(path: notebook.path, location: cell.location, message: problem))
      }
    }
    let warnings = cellRunner.drainLateOutput().map { entry in
      let cell = notebook.cells.first { $0.id == entry.cellID }
      return Diagnostic(
        path: notebook.path, location: cell?.location, severity: .warning,
        message: "cell '\(entry.cellID)' printed after it ended (from a task that escaped it,"
          + " such as Task {}); not shown: \(entry.text.debugDescription)")
    }
    return NotebookRun(notebook: notebook, runs: runs, failures: failures, warnings: warnings)
  }

  /// Why a run fails the lesson, or `nil` when it ended as its options expect.
  static func failure(of run: CellRun, options: CellOptions) -> String? {
    let name = "cell '\(run.cellID)'"
    let ended: CellOptions.Expectation
    switch run.ending {
    case .returned: ended = .success
    case .threw: ended = .error
    case .stalled: ended = .stall
    case .timedOut: ended = .timeout
    case .exceededWallClock, .crashed: return "\(name) \(run.errorText ?? "was interrupted")"
    }
    guard ended != options.expectation else { return nil }
    switch (options.expectation, ended) {
    case (.success, .error):
      return "\(name) threw \(run.errorText ?? "an error") (add expect=error if intended)"
    case (.success, _):
      return "\(name) \(run.errorText ?? "failed")"
    case (let expected, .success):
      return "\(name) was expected to end with expect=\(expected.rawValue) but returned"
    case (let expected, _):
      return "\(name) was expected to end with expect=\(expected.rawValue) but "
        + (run.errorText ?? "did not")
    }
  }
}

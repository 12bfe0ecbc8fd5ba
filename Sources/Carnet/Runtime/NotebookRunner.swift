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
    // Cells that were only compiled get their run from the build's check; the others run.
    let running = notebook.cells.indices.filter { cells[$0].compileCheck == nil }
    let jobs = running.map { index in
      CellJob(lessonName: notebook.name, cell: cells[index], options: notebook.cells[index].options)
    }
    let ran = cellRunner.runAll(jobs) { index in
      progress(running[index], notebook.cells[running[index]])
    }
    var runs: [CellRun] = []
    var next = ran.makeIterator()
    for (cell, compiled) in zip(notebook.cells, cells) {
      if let check = compiled.compileCheck {
        runs.append(
          CellRun(cellID: cell.id, output: "", ending: Self.ending(of: check), simulatedTime: .zero)
        )
      } else if let run = next.next() {
        runs.append(run)
      }
    }
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

  /// The run of a cell that was only compiled.
  private static func ending(of check: CompileCheck) -> CellRun.Ending {
    check.compiles
      ? .compiled : .didNotCompile(diagnostics: check.diagnostics.joined(separator: "\n"))
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
    case .didNotCompile: ended = .compileError
    case .compiled:
      return "\(name) compiles, but expect=compile-error says it must not: remove the option,"
        + " or show code that the compiler refuses"
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

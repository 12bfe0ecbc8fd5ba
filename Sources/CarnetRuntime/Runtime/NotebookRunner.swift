import CarnetDocument

/// Runs every cell of a lesson, in order, each on its own event loop.
public struct NotebookRunner: Sendable {
  /// How each cell runs.
  package var cellRunner: any CellRunning

  /// Creates a runner.
  public init(cellRunner: any CellRunning = CellRunner()) {
    self.cellRunner = cellRunner
  }

  /// Starts running the cells of `lesson` as the build compiled them, before its file is read
  /// (on a thread of its own, with this runner); nil when it has no cell to run.
  public func start(_ lesson: CompiledLesson) -> EarlyRun? {
    guard let jobs = lesson.jobs, !jobs.isEmpty else { return nil }
    return EarlyRun(jobs: jobs, runner: self)
  }

  /// Runs every cell with its compiled code (`cells[i]` for `notebook.cells[i]`); `progress` is
  /// called before each cell starts. The run started `early` is taken when it runs these cells
  /// with these options (the lesson is as it was built); else it is stopped, and the cells run
  /// with this runner.
  public func run(
    _ notebook: Notebook, cells: [CompiledCell], startedEarly early: EarlyRun? = nil,
    progress: (_ index: Int, _ cell: Cell) -> Void = { _, _ in }
  ) -> NotebookRun {
    precondition(cells.count == notebook.cells.count, "one compiled cell per cell")
    var failures: [Diagnostic] = []
    // Cells that were only compiled get their run from the build's check; the others run.
    let running = notebook.cells.indices.filter { cells[$0].compileCheck == nil }
    let jobs = running.map { index in
      CellJob(lessonName: notebook.name, cell: cells[index], options: notebook.cells[index].options)
    }
    func tell(_ index: Int) { progress(running[index], notebook.cells[running[index]]) }
    var cellRunner = self.cellRunner
    let ran: [CellRun]
    if let early, early.isRun(of: jobs), let runs = early.wait(progress: tell) {
      (ran, cellRunner) = (runs, early.runner.cellRunner)
    } else {
      early?.stop()
      ran = cellRunner.runAll(jobs) { index in
        tell(index)
        return true
      }
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
    for (index, cell) in zip(runs.indices, notebook.cells) {
      runs[index].failure = Self.failure(of: runs[index], options: cell.options)
      if let problem = runs[index].failure {
        failures.append(
          Diagnostic(path: notebook.path, location: cell.location, message: problem))
      }
    }
    var warnings: [Diagnostic] = []
    // A cell run twice (to name the tasks of a stall) may leave the same entry twice.
    var seen: Set<LateOutputLog.Entry> = []
    for entry in cellRunner.drainLateOutput() where seen.insert(entry).inserted {
      let report = Self.report(of: entry, in: notebook)
      if report.severity == .error { failures.append(report) } else { warnings.append(report) }
    }
    return NotebookRun(notebook: notebook, runs: runs, failures: failures, warnings: warnings)
  }

  /// What an entry of the late output log says about the lesson: a warning for output that has
  /// no place, an error for a crash. A crash whose message names a line of the lesson (a
  /// `fatalError` does) is placed at the cell holding that line.
  static func report(of entry: LateOutputLog.Entry, in notebook: Notebook) -> Diagnostic {
    let cell = notebook.cells.first { $0.id == entry.cellID }
    let name = "cell '\(entry.cellID)'"
    switch entry.kind {
    case .afterItEnded:
      return Diagnostic(
        path: notebook.path, location: cell?.location, severity: .warning,
        message: "\(name) printed after it ended (from a task that escaped it, such as Task {});"
          + " not shown: \(entry.text.debugDescription)")
    case .outsideItsTasks:
      return Diagnostic(
        path: notebook.path, location: cell?.location, severity: .warning,
        message: "output from outside the tasks of \(name), from a Task.detached (it inherits"
          + " nothing from its cell) or written between cells; not shown: "
          + entry.text.debugDescription)
    case .stillRunningAtEnd:
      return Diagnostic(
        path: notebook.path, location: cell?.location, severity: .warning,
        message: "\(name) left a task running (such as Task {}) when the lesson ended: what it"
          + " prints from then on is not collected")
    case .crashedWhileItRan:
      if let origin = cellNamed(in: entry.text, of: notebook), origin.id != entry.cellID {
        return Diagnostic(
          path: notebook.path, location: origin.location,
          message: "a task of cell '\(origin.id)' crashed the worker after the cell ended,"
            + " while \(name) ran (which alone runs fine): \(entry.text)")
      }
      return Diagnostic(
        path: notebook.path, location: cell?.location,
        message: "the worker crashed while \(name) ran, but the cell alone runs fine: something"
          + " an earlier cell left behind (an escaped task, a closed descriptor) crashed it:"
          + " \(entry.text)")
    }
  }

  /// The cell whose code holds the line that `text` names as `FILE.md:LINE:`, if any.
  private static func cellNamed(in text: String, of notebook: Notebook) -> Cell? {
    let fileName = "\(notebook.name).md:"
    guard let range = text.range(of: fileName) else { return nil }
    guard let line = Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return notebook.cells.first { LessonTangle.codeLines(of: $0).contains(line) }
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

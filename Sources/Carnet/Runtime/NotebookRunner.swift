/// Runs every cell of a lesson, in order, each on its own event loop.
public struct NotebookRunner: Sendable {
  /// Where cell IDs are looked up.
  public var registry: ExampleRegistry
  /// How each cell runs.
  public var cellRunner: any CellRunning

  /// Creates a runner.
  public init(registry: ExampleRegistry, cellRunner: any CellRunning = CellRunner()) {
    self.registry = registry
    self.cellRunner = cellRunner
  }

  /// The example of every cell, or an error naming each cell whose ID is not registered.
  public func resolve(_ notebook: Notebook) throws(InputError) -> [Example] {
    var examples: [Example] = []
    var diagnostics: [Diagnostic] = []
    for cell in notebook.cells {
      if let example = registry.example(id: cell.id) {
        examples.append(example)
      } else {
        var message = "unknown cell ID '\(cell.id)'"
        if let suggestion = registry.closestID(to: cell.id) {
          message += "; did you mean '\(suggestion)'?"
        } else {
          message += "; register it in Sources/Lessons (see README)"
        }
        diagnostics.append(
          Diagnostic(path: notebook.path, location: cell.location, message: message))
      }
    }
    guard diagnostics.isEmpty else { throw InputError(diagnostics) }
    return examples
  }

  /// Resolves and runs every cell of `notebook`.
  public func run(_ notebook: Notebook) throws(InputError) -> NotebookRun {
    run(notebook, examples: try resolve(notebook))
  }

  /// Runs every cell with its resolved example; `progress` is called before each cell starts.
  public func run(
    _ notebook: Notebook, examples: [Example],
    progress: (_ index: Int, _ cell: Cell) -> Void = { _, _ in }
  ) -> NotebookRun {
    precondition(examples.count == notebook.cells.count, "one example per cell")
    var runs: [CellRun] = []
    var failures: [Diagnostic] = []
    let jobs = zip(notebook.cells, examples).map { cell, example in
      CellJob(example: example, cellID: cell.id, options: cell.options)
    }
    runs = cellRunner.runAll(jobs) { index in progress(index, notebook.cells[index]) }
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

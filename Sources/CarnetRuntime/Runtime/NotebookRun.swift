import CarnetDocument

/// A lesson after its cells ran: one `CellRun` per cell, and the cells that failed the run.
public struct NotebookRun: Sendable {
  /// The lesson.
  package var notebook: Notebook
  /// One run per cell, in cell order.
  package var runs: [CellRun]
  /// One diagnostic per failed cell (threw unexpectedly, did not throw as expected, stalled...).
  public var failures: [Diagnostic]
  /// Warnings that do not fail the run (output printed after a cell ended).
  package var warnings: [Diagnostic]

  /// Creates a run record.
  package init(
    notebook: Notebook, runs: [CellRun], failures: [Diagnostic], warnings: [Diagnostic] = []
  ) {
    self.notebook = notebook
    self.runs = runs
    self.failures = failures
    self.warnings = warnings
  }
}

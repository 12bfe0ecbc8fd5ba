/// What running one cell produced: its printed output, how it ended, and the simulated time it took.
public struct CellRun: Hashable, Sendable {
  /// How a cell's execution ended.
  public enum Ending: Hashable, Sendable {
    /// The cell returned normally.
    case returned
    /// The cell threw: the error's type and its description.
    case threw(type: String, description: String)
    /// Nothing could run and nothing was sleeping while the cell was unfinished.
    case stalled(at: Duration, suspended: [String])
    /// The cell went past its simulated `timeout` and was cancelled.
    case timedOut(limit: Duration, suspended: [String])
    /// The cell ran longer than the wall-clock limit without giving control back.
    case exceededWallClock(seconds: Double)
    /// The process running the cell crashed: the signal, and what the runtime said.
    case crashed(signal: Int32, message: String)
    /// The cell was not run: it does not compile, and these are the compiler's diagnostics,
    /// one per line (`expect=compile-error`).
    case didNotCompile(diagnostics: String)
    /// The cell was not run: it was expected not to compile (`expect=compile-error`), but it
    /// compiles.
    case compiled
  }

  /// Whether the cell ran (it did not when it was only compiled).
  package var ran: Bool {
    switch ending {
    case .didNotCompile, .compiled: false
    default: true
    }
  }

  /// The cell's ID.
  package var cellID: String
  /// Everything the cell printed, in order.
  package var output: String
  /// How it ended.
  public var ending: Ending
  /// Simulated time from the cell's start to its end.
  public var simulatedTime: Duration
  /// The life of the cell's tasks, when the runner recorded it.
  package var timeline: TaskTimeline?
  /// Why the run fails its lesson, from the cell's options (`expect=`), or nil when the cell
  /// ended as they say: decided once, by `NotebookRunner`, and read by every output.
  package var failure: String?

  /// Creates a run record.
  package init(
    cellID: String, output: String, ending: Ending, simulatedTime: Duration,
    timeline: TaskTimeline? = nil, failure: String? = nil
  ) {
    self.cellID = cellID
    self.output = output
    self.ending = ending
    self.simulatedTime = simulatedTime
    self.timeline = timeline
    self.failure = failure
  }
}

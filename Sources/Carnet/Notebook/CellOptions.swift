/// The `key=value` options of a cell's info string, with their defaults.
public struct CellOptions: Hashable, Sendable {
  /// How a cell is expected to end (`expect=`).
  public enum Expectation: String, Hashable, Sendable, CaseIterable {
    /// The cell returns normally (no `expect=` option).
    case success
    /// `expect=error`: the cell must throw; its error is shown.
    case error
    /// `expect=stall`: the cell must stall (for lessons that show a deadlock).
    case stall
    /// `expect=timeout`: the cell must be cut by its simulated `timeout`.
    case timeout
  }

  /// The simulated-time limit used when a cell gives no `timeout=`.
  public static let defaultTimeout: Duration = .seconds(3600)

  /// `expect=`: how the cell must end for the run to succeed.
  public var expectation: Expectation = .success
  /// `timeout=DURATION`: limit in simulated time, after which the cell is cancelled.
  public var timeout: Duration = CellOptions.defaultTimeout
  /// `seed=N`: seed of the cell's random generator; `nil` derives one from the cell ID.
  public var seed: UInt64? = nil
  /// `hide=code`: render only the output, not the code (for setup cells).
  public var hidesCode: Bool = false
  /// `timeline=true|false`: draw the cell's task timeline; `nil` lets each format decide (HTML
  /// draws it for cells with more than one task, Markdown only when asked).
  public var timeline: Bool? = nil

  /// Default options.
  public init() {}

  /// `expect=error`: the cell must throw.
  public var expectsError: Bool {
    get { expectation == .error }
    set { expectation = newValue ? .error : .success }
  }
}

/// The `key=value` options of a cell's info string, with their defaults.
public struct CellOptions: Hashable, Sendable {
  /// The simulated-time limit used when a cell gives no `timeout=`.
  public static let defaultTimeout: Duration = .seconds(3600)

  /// `expect=error`: the cell must throw; its error is shown.
  public var expectsError: Bool = false
  /// `timeout=DURATION`: limit in simulated time, after which the cell is cancelled.
  public var timeout: Duration = CellOptions.defaultTimeout
  /// `seed=N`: seed of the cell's random generator; `nil` derives one from the cell ID.
  public var seed: UInt64? = nil
  /// `hide=code`: render only the output, not the code (for setup cells).
  public var hidesCode: Bool = false

  /// Default options.
  public init() {}
}

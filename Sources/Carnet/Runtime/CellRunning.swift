/// Something that runs one cell and reports what happened: in this process (`CellRunner`) or
/// in a child process that may crash without taking Carnet down (`ProcessCellRunner`).
public protocol CellRunning: Sendable {
  /// Runs `example` as the cell `cellID` with `options`.
  func run(_ example: Example, cellID: String, options: CellOptions) -> CellRun

  /// Returns and forgets what escaped tasks printed after their cell ended.
  func drainLateOutput() -> [LateOutputLog.Entry]
}

extension CellRunner: CellRunning {
  /// Late output of cells run in this process.
  public func drainLateOutput() -> [LateOutputLog.Entry] { LateOutputLog.shared.drain() }
}

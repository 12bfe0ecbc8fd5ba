import Carnet

// Lesson code sleeps with `Task.sleep` as usual; inside a cell, these declarations shadow the
// standard library's and sleep on the cell's event-loop clock (simulated unless --real-time).

extension Task where Success == Never, Failure == Never {
  /// Suspends the current task for `duration` on the cell's clock.
  static func sleep(for duration: Duration) async throws {
    if let loop = CellContext.current?.loop {
      try await loop.sleep(for: duration)
    } else {
      try await ContinuousClock().sleep(for: duration)
    }
  }

  /// Suspends the current task for `nanoseconds` on the cell's clock.
  static func sleep(nanoseconds: UInt64) async throws {
    try await sleep(for: .nanoseconds(Int64(clamping: nanoseconds)))
  }
}

import Carnet
import CarnetRendering
import CarnetRuntime

// The `Lessons` module of the main package routes `print` and `Task.sleep` to the running cell
// with module-level declarations (`Sources/Lessons/Support/`); they apply only inside that
// module. The benchmark's examples live in this module, so it declares the same two shadows:
// inside a cell, `print` writes to the cell's transcript and `Task.sleep(for:)` sleeps on the
// cell's event-loop clock (`CellContext.current?.loop.sleep(for:)`), or on the prototype loop
// of `Prototype/PrototypeLoop.swift` when the cell runs there.

/// Writes the textual representations of `items` to the current cell's output.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { String(describing: $0) }.joined(separator: separator) + terminator
  if let context = CellContext.current {
    context.write(text)
  } else {
    Swift.print(text, terminator: "")
  }
}

extension Task where Success == Never, Failure == Never {
  /// Suspends the current task for `duration` on the cell's clock.
  static func sleep(for duration: Duration) async throws {
    if let loop = CellContext.current?.loop {
      try await loop.sleep(for: duration)
    } else if let loop = PrototypeLoop.current {
      try await loop.sleep(for: duration)
    } else {
      try await ContinuousClock().sleep(for: duration)
    }
  }
}

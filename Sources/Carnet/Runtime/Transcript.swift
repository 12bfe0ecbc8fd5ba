import Synchronization

/// Everything one cell prints, in order. Once sealed (the cell ended), further writes are kept
/// apart as late output and never join the cell's output.
public final class Transcript: Sendable {
  private struct State {
    var text = ""
    var late = ""
    var isSealed = false
  }

  private let state = Mutex(State())

  /// Creates an empty transcript.
  public init() {}

  /// Appends printed text (to the late output once sealed).
  public func write(_ text: String) {
    state.withLock { state in
      if state.isSealed {
        state.late += text
      } else {
        state.text += text
      }
    }
  }

  /// Ends the cell's output; returns what it printed.
  func seal() -> String {
    state.withLock { state in
      state.isSealed = true
      return state.text
    }
  }

  /// What was printed after the cell ended (by a task that escaped it).
  public var lateOutput: String { state.withLock { $0.late } }
}

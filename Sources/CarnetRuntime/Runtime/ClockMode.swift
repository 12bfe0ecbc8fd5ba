/// Which clock a cell's event loop follows.
public enum ClockMode: String, Sendable, CaseIterable {
  /// Simulated time: jumps to the next deadline when nothing can run (the default).
  case virtual
  /// The real clock: sleeps really wait, for comparison with the simulated run.
  case real
}

extension CellRun {
  /// The text of the error block shown under the cell, or `nil` when the cell returned normally.
  package var errorText: String? {
    switch ending {
    case .returned:
      return nil
    case .threw(let type, let description):
      return "\(type): \(description)"
    case .stalled(let time, let suspended):
      return "stalled at \(time.carnetSeconds): no task can run and none is sleeping"
        + Self.suspendedClause(suspended)
    case .timedOut(let limit, let suspended):
      return
        "timed out: the cell passed its simulated limit of \(limit.carnetSeconds) and was cancelled"
        + Self.suspendedClause(suspended)
    case .crashed(let signal, let message):
      guard signal != 0 else { return "crashed: \(message)" }
      return "crashed with signal \(signal)\(Self.signalName(signal)): \(message)"
    case .exceededWallClock(let seconds):
      let ran = Duration.seconds(seconds).secondsText(minimumDecimals: 1, unit: " s")
      return "interrupted: the cell ran \(ran) of real time without giving control back"
    case .didNotCompile(let diagnostics):
      return diagnostics
    case .compiled:
      return "compiles without error, although expect=compile-error says it must not"
    }
  }

  private static func signalName(_ signal: Int32) -> String {
    let names: [Int32: String] = [
      1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT",
      7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2",
      13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
    ]
    return names[signal].map { " (\($0))" } ?? ""
  }

  private static func suspendedClause(_ suspended: [String]) -> String {
    suspended.isEmpty ? "" : "; suspended: " + suspended.joined(separator: ", ")
  }
}

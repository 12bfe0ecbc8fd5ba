import CarnetDocument
import CarnetRuntime

/// Test stand-ins (a target of its own, shared by the test targets that run cells) for what the Lessons module's shadowing functions do inside a cell.
package enum CellTestSupport {
  /// Prints a line into the current cell's transcript.
  package static func say(_ line: String) {
    CellContext.current?.write(line + "\n")
  }

  /// Sleeps on the current cell's clock.
  package static func nap(_ duration: Duration) async throws {
    guard let loop = CellContext.current?.loop else { return }
    try await loop.sleep(for: duration)
  }

  /// The current cell's clock reading.
  package static var now: Duration { CellContext.current?.loop.now ?? .zero }

  /// Runs `body` as a cell with the given options and returns the run.
  package static func run(
    _ id: String = "test", timeout: Duration = CellOptions.defaultTimeout,
    clock: ClockMode = .virtual, _ body: @escaping @Sendable () async throws -> Void
  ) -> CellRun {
    var options = CellOptions()
    options.timeout = timeout
    return CellRunner(clock: clock).run(CompiledCell(id, body), options: options)
  }
}

import ArgumentParser
import Carnet
import CarnetRendering
import CarnetRuntime

/// `carnet worker`: the child process that runs cells for `render` and `check` (internal).
struct WorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Run cells requested on stdin (used internally by render and check).",
    shouldDisplay: false
  )

  @Option(help: "The descriptor to read requests from.")
  var requestsFD: Int32

  @Option(help: "The descriptor to write messages to.")
  var messagesFD: Int32

  func run() throws {
    let status = Self.serve(WorkerChannel(requests: requestsFD, messages: messagesFD))
    if status != 0 { throw ExitCode(status) }
  }

  /// Serves the lessons compiled into this executable on `channel`; the exit status.
  static func serve(_ channel: WorkerChannel) -> Int32 {
    CellWorkerServer.serve(registry: CompiledLessons.registry, channel: channel)
  }
}

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
    let status = CellWorkerServer.serve(
      registry: CompiledLessons.registry,
      channel: WorkerChannel(requests: requestsFD, messages: messagesFD))
    if status != 0 { throw ExitCode(status) }
  }
}

import ArgumentParser
import Carnet

/// `carnet worker`: the child process that runs cells for `render` and `check` (internal).
struct WorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Run cells requested on stdin (used internally by render and check).",
    shouldDisplay: false
  )

  func run() throws {
    let status = CellWorkerServer.serve(registry: CompiledLessons.registry)
    if status != 0 { throw ExitCode(status) }
  }
}

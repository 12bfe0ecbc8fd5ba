import ArgumentParser
import Carnet

/// The `carnet` command: renders lessons, checks them against their outputs, lists them.

struct CarnetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carnet",
    abstract: "Runs the Swift cells of Markdown lessons and writes each cell's output below it.",
    discussion: """
      A lesson's cells are compiled into carnet when it is built: edit the lesson, then run \
      'swift run carnet render', which builds first.

      Exit codes: 0 success; 1 outputs differ or a cell failed; 2 invalid input (bad option, \
      unreadable or non-UTF-8 file, a lesson not compiled or changed since the build); 3 a file \
      could not be written; 64 usage error.
      """,
    version: "0.1.0",
    subcommands: [
      RenderCommand.self, CheckCommand.self, ListCommand.self, InitCommand.self,
      WorkerCommand.self,
    ],
    defaultSubcommand: RenderCommand.self
  )
}

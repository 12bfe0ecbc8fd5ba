import ArgumentParser
import Carnet
import Lessons

/// The `carnet` command: renders lessons, checks them against their outputs, lists them.
@main
struct CarnetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carnet",
    abstract: "Runs the Swift cells of Markdown lessons and writes each cell's output below it.",
    discussion: """
      Exit codes: 0 success; 1 outputs differ or a cell failed; 2 invalid input (unknown cell ID,
      bad option, unreadable or non-UTF-8 file); 64 usage error.
      """,
    version: "0.1.0",
    subcommands: [RenderCommand.self, CheckCommand.self, ListCommand.self, WorkerCommand.self],
    defaultSubcommand: RenderCommand.self
  )
}

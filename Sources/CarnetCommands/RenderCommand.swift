import ArgumentParser
import Carnet
import Foundation

/// `carnet render`: runs lessons and writes `DIR/NAME.md` for each.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Run every cell and write the rendered lessons (default: Notebooks/ into Output/).",
    discussion: """
      Writes DIR/NAME.md and DIR/NAME.html per lesson (--format md|html|both, default both).
      Each output is written to a temporary file and renamed, so it is never left half-written.
      A lesson with a failing cell is not written (its previous output stays) unless
      --allow-errors is given.
      """
  )

  @OptionGroup var lessons: LessonOptions
  @OptionGroup var runOptions: RunOptions

  @Flag(help: "Write a lesson even when a cell fails (the failure is shown under the cell).")
  var allowErrors = false

  func run() throws {
    let start = ContinuousClock.now
    let outcome = lessons.pipeline(runOptions).renderAndWrite(
      allowErrors: allowErrors, events: Terminal.show)
    guard outcome.verdict == .success else { throw ExitCode(outcome.verdict.exitStatus) }
    Terminal.summary(
      "rendered", outcome, files: "wrote \(outcome.files) \(outcome.files == 1 ? "file" : "files")",
      since: start)
  }
}

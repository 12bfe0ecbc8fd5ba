import ArgumentParser
import Carnet
import Foundation

/// `carnet check`: renders in memory and compares with the committed outputs.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that the rendered lessons match the committed ones in DIR.",
    discussion: """
      Prints a unified diff per difference; exits with 1 on any difference, 2 when a lesson \
      cannot be read or was changed since carnet was built.
      """
  )

  @OptionGroup var lessons: LessonOptions
  @OptionGroup var runOptions: RunOptions

  func run() throws {
    let start = ContinuousClock.now
    let outcome = lessons.pipeline(runOptions).check(events: Terminal.show)
    guard outcome.verdict == .success else { throw ExitCode(outcome.verdict.exitStatus) }
    Terminal.progress("\(outcome.lessons) lesson(s) up to date")
    Terminal.summary(
      "checked", outcome,
      files: "\(outcome.files) \(outcome.files == 1 ? "file" : "files") up to date", since: start)
  }
}

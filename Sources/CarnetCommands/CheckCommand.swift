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
    let (loaded, book) = lessons.loadLessons()
    var differs = false
    var compared = 0
    lessons.render(loaded.lessons, book: book, runOptions: runOptions) { rendered in
      Terminal.report(rendered.run.failures)
      if !rendered.run.failures.isEmpty { differs = true }
      // A drifted output shows in each format: the first differing file of a lesson gets the
      // diff, the others one line.
      var diffShown: String?
      for file in rendered.files {
        compared += 1
        if !Self.matches(file, sameChangeAs: diffShown) {
          differs = true
          diffShown = diffShown ?? file.path
        }
      }
    }
    for file in book?.files(formats: lessons.formats) ?? [] {
      compared += 1
      if !Self.matches(file) { differs = true }
    }
    if !loaded.refusals.isEmpty { throw ExitCode(CarnetExit.invalidInput) }
    if differs { throw ExitCode(CarnetExit.failed) }
    Terminal.progress("\(loaded.lessons.count) lesson(s) up to date")
    let cells = loaded.lessons.reduce(0) { $0 + $1.notebook.cells.count }
    Terminal.summary(
      "checked", lessons: loaded.lessons.count, cells: cells,
      files: "\(compared) \(compared == 1 ? "file" : "files") up to date", since: start)
  }

  /// Compares a rendered file with the committed one; reports and returns false on a difference,
  /// with a diff unless `shown` names a file of the same lesson whose diff was just printed.
  private static func matches(_ file: RenderedFile, sameChangeAs shown: String? = nil) -> Bool {
    let golden = try? String(contentsOfFile: file.path, encoding: .utf8)
    switch GoldenComparison.compare(expected: golden, actual: file.text, goldenPath: file.path) {
    case .match:
      return true
    case .differs(let diff):
      if let shown {
        Terminal.error(
          "\(file.path): error: differs from the rendered lesson too (see the diff of \(shown));"
            + " run 'carnet render' to accept")
        return false
      }
      Terminal.error(
        "\(file.path): error: differs from the rendered lesson (diff below);"
          + " run 'carnet render' to accept")
      print(diff, terminator: "")
      return false
    case .missing:
      Terminal.error("\(file.path): error: missing; run 'carnet render' to create it")
      return false
    }
  }
}

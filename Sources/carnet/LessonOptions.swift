import ArgumentParser
import Carnet
import Lessons

/// Options shared by the subcommands that read lessons.
struct LessonOptions: ParsableArguments {
  @Argument(help: "Lesson files or folders of lessons (*.md).")
  var paths: [String] = ["Notebooks"]

  @Option(name: .shortAndLong, help: "The folder of rendered lessons.")
  var output: String = "Output"

  /// Loads every lesson, or reports every input error and exits with code 2.
  func loadLessons() throws -> [Lesson] {
    let loader = LessonLoader(registry: LessonCatalog.registry, outputDirectory: output)
    do {
      return try loader.load(paths: paths)
    } catch {
      Terminal.report(error.diagnostics)
      throw ExitCode(CarnetExit.invalidInput)
    }
  }
}

/// Options that choose how cells run.
struct RunOptions: ParsableArguments {
  @Flag(help: "Run cells on the real clock instead of simulated time (slow; for comparison).")
  var realTime = false

  @Option(help: "Real seconds a cell may run before it is abandoned.")
  var wallClockLimit: Double = 10

  func validate() throws {
    guard wallClockLimit > 0 else {
      throw ValidationError("--wall-clock-limit must be a positive number of seconds")
    }
  }

  /// A notebook runner configured by these options.
  func runner() -> NotebookRunner {
    NotebookRunner(
      registry: LessonCatalog.registry,
      cellRunner: CellRunner(
        clock: realTime ? .real : .virtual,
        wallClockLimit: .milliseconds(Int64(wallClockLimit * 1000))))
  }
}

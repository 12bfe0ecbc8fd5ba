import ArgumentParser
import Carnet
import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation

/// Options shared by the subcommands that read lessons.
struct LessonOptions: ParsableArguments {
  @Argument(help: "Lesson files or folders of lessons (*.md).")
  var paths: [String] = ["Notebooks"]

  @Option(name: .shortAndLong, help: "The folder of rendered lessons.")
  var output: String = "Output"

  @Option(
    help: """
      What to write per lesson: md (NAME.md), html (NAME.html), ipynb (NAME.ipynb, a Jupyter \
      notebook), both (md and html) or all.
      """)
  var format: FormatChoice = .both

  @Option(help: "The web pages' language (e.g. fr), instead of the lesson's front matter.")
  var lang: String?

  @Flag(help: "Keep raw HTML written in lessons in the web pages (omitted by default).")
  var allowRawHTML = false

  func validate() throws {
    if let lang, !FrontMatter.isLanguageTag(lang) {
      throw ValidationError(
        "--lang '\(lang)' is not a language tag: use letters, digits and hyphens (e.g. fr, en-GB)")
    }
  }

  /// The formats to write or check.
  var formats: [OutputFormat] { format.formats }

  /// How web pages are rendered.
  var htmlOptions: HTMLOptions { HTMLOptions(allowsRawHTML: allowRawHTML, language: lang) }
}

/// Options that choose how cells run.
struct RunOptions: ParsableArguments {
  @Flag(help: "Run cells on the real clock instead of simulated time (slow; for comparison).")
  var realTime = false

  @Option(help: "Real seconds a cell may run before it is stopped.")
  var wallClockLimit: Double = 10

  @Option(help: "Bytes of output kept per cell; the rest is dropped with a note.")
  var maxOutput: Int = Transcript.defaultLimit

  @Flag(
    help: "Run cells inside carnet itself instead of a child process (a crash then ends carnet).")
  var inProcess = false

  func validate() throws {
    guard wallClockLimit > 0, wallClockLimit <= 86_400 else {
      throw ValidationError(
        "--wall-clock-limit must be a number of seconds above 0 and at most 86400 (a day)")
    }
    guard maxOutput > 0 else { throw ValidationError("--max-output must be a positive number") }
    guard jobs > 0 else { throw ValidationError("--jobs must be a positive number") }
  }

  @Option(
    name: .shortAndLong,
    help: "How many lessons run at the same time, each in its own worker (default: one per core).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  /// The batch that runs lessons: `--jobs` at a time, one at a time with `--in-process` (cells
  /// then share this process, and what escaped tasks print could not be told apart).
  var batch: LessonBatch { LessonBatch(jobs: inProcess ? 1 : jobs) }

  /// A notebook runner configured by these options: cells run in a child process of this
  /// executable, unless `--in-process`.
  func runner(formats: [OutputFormat]) -> NotebookRunner {
    makeRunner(formats: formats)()
  }

  /// Makes a runner like `runner(formats:)`, each with a worker process of its own, from any
  /// thread.
  func makeRunner(formats: [OutputFormat]) -> @Sendable () -> NotebookRunner {
    var settings = CellRunner(
      clock: realTime ? .real : .virtual,
      wallClockLimit: .seconds(wallClockLimit),
      recordsTimelines: formats.contains(.html))
    settings.outputLimit = maxOutput
    guard !inProcess, let executable = Bundle.main.executableURL else {
      return { [settings] in NotebookRunner(cellRunner: settings) }
    }
    return { [settings] in
      NotebookRunner(
        cellRunner: ProcessCellRunner(
          executable: executable, arguments: ["worker"], settings: settings))
    }
  }
}

/// The `--format` choices.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
  case md
  case html
  case ipynb
  case both
  case all

  /// The output formats this choice stands for.
  var formats: [OutputFormat] {
    switch self {
    case .md: [.markdown]
    case .html: [.html]
    case .ipynb: [.ipynb]
    case .both: [.markdown, .html]
    case .all: [.markdown, .html, .ipynb]
    }
  }
}

import Carnet
import Foundation

extension LessonOptions {
  /// The pipeline these options and `runOptions` ask for, over the lessons compiled into this
  /// executable.
  func pipeline(_ runOptions: RunOptions) -> LessonPipeline {
    LessonPipeline(
      paths: paths, outputDirectory: output, formats: formats, htmlOptions: htmlOptions,
      registry: CompiledLessons.registry, batch: runOptions.batch,
      makeRunner: runOptions.makeRunner(formats: formats))
  }
}

extension Terminal {
  /// Shows what the pipeline tells: diagnostics always, progress on a terminal, diffs on
  /// standard output.
  @Sendable static func show(_ event: PipelineEvent) {
    switch event {
    case .diagnostics(let diagnostics):
      report(diagnostics)
    case .lessonStarts(let lesson):
      progress("\(lesson.notebook.path): \(lesson.notebook.cells.count) cell(s)")
    case .cellStarts(let index, let count, let cell):
      progress("  [\(index + 1)/\(count)] \(cell.id)")
    case .lessonDone(let index, let count, let lesson):
      progress(
        "[\(index + 1)/\(count)] \(lesson.notebook.path): \(lesson.notebook.cells.count) cell(s)")
    case .wrote(let path):
      progress("wrote \(path)")
    case .diff(let diff):
      FileHandle.standardOutput.write(Data(diff.utf8))
    }
  }

  /// One line saying what a command did, for logs (when standard error is not a terminal,
  /// which shows progress instead): `rendered 2 lessons (14 cells), wrote 4 files in 0.21 s`.
  static func summary(
    _ verb: String, _ outcome: PipelineOutcome, files: String,
    since start: ContinuousClock.Instant
  ) {
    guard !showsProgress else { return }
    let took = (ContinuousClock.now - start).secondsText(minimumDecimals: 2, unit: " s")
    let lessonWord = outcome.lessons == 1 ? "lesson" : "lessons"
    let cellWord = outcome.cells == 1 ? "cell" : "cells"
    error(
      "\(verb) \(outcome.lessons) \(lessonWord) (\(outcome.cells) \(cellWord)), \(files) in \(took)"
    )
  }
}

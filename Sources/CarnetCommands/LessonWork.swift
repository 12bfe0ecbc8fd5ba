import Carnet
import Foundation

/// What rendering one lesson produced: its run and its rendered files (computed on a worker
/// thread of a `LessonBatch`, handed to the command in lesson order).
struct RenderedLesson: Sendable {
  var lesson: Lesson
  var run: NotebookRun
  var files: [RenderedFile]
}

extension LessonOptions {
  /// Runs and renders `lessons` with `runOptions`, `--jobs` at a time, and hands each result to
  /// `deliver` in lesson order. With one job, progress is shown per cell as cells start. The
  /// pages of a `book` link to its contents and to their neighbours.
  func render(
    _ lessons: [Lesson], book: LessonBook?, runOptions: RunOptions,
    deliver: (RenderedLesson) -> Void
  ) {
    let batch = runOptions.batch
    let makeRunner = runOptions.makeRunner(formats: formats)
    let (formats, baseOptions) = (self.formats, self.htmlOptions)
    // Each lesson's page options, by path (a book's lessons each get their links).
    var linked: [String: HTMLOptions] = [:]
    for (index, lesson) in (book?.lessons ?? []).enumerated() {
      var withLinks = baseOptions
      withLinks.navigation = book?.navigation(at: index)
      linked[lesson.notebook.path] = withLinks
    }
    let options = linked
    let perCell = batch.jobs == 1 || lessons.count == 1
    batch.run(lessons) { lesson in
      let runner = makeRunner()
      let run: NotebookRun
      if perCell {
        run = Terminal.run(lesson, with: runner)
      } else {
        run = runner.run(lesson.notebook, cells: lesson.cells)
      }
      let files = run.renderedFiles(
        for: lesson, formats: formats, htmlOptions: options[lesson.notebook.path] ?? baseOptions)
      return RenderedLesson(lesson: lesson, run: run, files: files)
    } deliver: { index, rendered in
      if !perCell {
        let cells = rendered.lesson.notebook.cells.count
        Terminal.progress(
          "[\(index + 1)/\(lessons.count)] \(rendered.lesson.notebook.path): \(cells) cell(s)")
        Terminal.report(rendered.lesson.warnings + rendered.run.warnings)
      }
      deliver(rendered)
    }
  }
}

extension Terminal {
  /// One line saying what a command did, for logs (when standard error is not a terminal,
  /// which shows progress instead): `rendered 2 lessons (14 cells), wrote 4 files in 0.21 s`.
  static func summary(
    _ verb: String, lessons: Int, cells: Int, files: String, since start: ContinuousClock.Instant
  ) {
    guard !showsProgress else { return }
    let seconds = (ContinuousClock.now - start).secondsAsDouble
    let lessonWord = lessons == 1 ? "lesson" : "lessons"
    let cellWord = cells == 1 ? "cell" : "cells"
    error(
      "\(verb) \(lessons) \(lessonWord) (\(cells) \(cellWord)), \(files) in "
        + String(format: "%.2f s", seconds))
  }
}

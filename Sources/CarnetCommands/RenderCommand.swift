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
    let (loaded, book) = lessons.loadLessons()
    do {
      try FileManager.default.createDirectory(
        atPath: lessons.output, withIntermediateDirectories: true)
    } catch {
      Terminal.error("\(lessons.output): error: cannot create the output folder")
      throw ExitCode(CarnetExit.writeFailed)
    }
    var failed = false
    var writeFailed = false
    var written = 0
    lessons.render(loaded.lessons, book: book, runOptions: runOptions) { rendered in
      let result = rendered.run
      Terminal.report(result.failures)
      if !result.failures.isEmpty {
        failed = true
        guard allowErrors else {
          Terminal.error("\(rendered.lesson.notebook.path): not written: a cell failed (see above)")
          return
        }
      }
      // All of a lesson's files, or none: a full disk never leaves a new NAME.md beside an
      // old NAME.html.
      do {
        try AtomicFile.write(all: rendered.files.map { ($0.text, $0.path) })
        written += rendered.files.count
      } catch {
        let path = (error as? AtomicFileError)?.path ?? rendered.lesson.outputPath
        Terminal.error("\(path): error: \(error)")
        writeFailed = true
        return
      }
      for file in rendered.files {
        if result.failures.isEmpty {
          Terminal.progress("wrote \(file.path)")
        } else {
          Terminal.error(
            "\(file.path): written with the failures shown under their cells (--allow-errors)")
        }
      }
    }
    if let book {
      let files = book.files(formats: lessons.formats)
      do {
        try AtomicFile.write(all: files.map { ($0.text, $0.path) })
        written += files.count
        for file in files { Terminal.progress("wrote \(file.path)") }
      } catch {
        let path = (error as? AtomicFileError)?.path ?? lessons.output
        Terminal.error("\(path): error: \(error)")
        writeFailed = true
      }
    }
    if writeFailed { throw ExitCode(CarnetExit.writeFailed) }
    if !loaded.refusals.isEmpty { throw ExitCode(CarnetExit.invalidInput) }
    if failed { throw ExitCode(CarnetExit.failed) }
    let cells = loaded.lessons.reduce(0) { $0 + $1.notebook.cells.count }
    Terminal.summary(
      "rendered", lessons: loaded.lessons.count, cells: cells,
      files: "wrote \(written) \(written == 1 ? "file" : "files")", since: start)
  }
}

import CarnetDocument
import Foundation

extension LessonPipeline {
  /// `render`: writes each lesson's files, all of them or none (a full disk never leaves a new
  /// NAME.md beside an old NAME.html), then the book's contents pages. A lesson with a failing
  /// cell is not written (its previous files stay) unless `allowErrors`.
  package func renderAndWrite(
    allowErrors: Bool, events: @escaping @Sendable (PipelineEvent) -> Void
  ) -> PipelineOutcome {
    var outcome = PipelineOutcome()
    let loaded = load(into: &outcome, events: events)
    let book = loaded.book
    do {
      try FileManager.default.createDirectory(
        atPath: outputDirectory, withIntermediateDirectories: true)
    } catch {
      events(
        .diagnostics([Diagnostic(path: outputDirectory, message: "cannot create the output folder")]
        )
      )
      outcome.verdict = .writeFailed
      for run in loaded.early.values { run.stop() }
      return outcome
    }
    render(loaded, events: events) { rendered in
      let failed = !rendered.run.failures.isEmpty
      if failed {
        outcome.verdict = max(outcome.verdict, .failed)
        guard allowErrors else {
          events(
            .diagnostics([
              Diagnostic(
                path: rendered.lesson.notebook.path, severity: .note,
                message: "not written: a cell failed (see above)")
            ]))
          return
        }
      }
      guard write(rendered.files, into: &outcome, events: events) else { return }
      if failed {
        events(
          .diagnostics(
            rendered.files.map {
              Diagnostic(
                path: $0.path, severity: .note,
                message: "written with the failures shown under their cells (--allow-errors)")
            }))
      }
    }
    if let book {
      _ = write(book.files(formats: formats), into: &outcome, events: events)
    }
    return outcome
  }

  /// Writes `files` all or none; false (and reported) when they could not be written.
  private func write(
    _ files: [RenderedFile], into outcome: inout PipelineOutcome,
    events: @Sendable (PipelineEvent) -> Void
  ) -> Bool {
    do {
      try AtomicFile.write(all: files)
    } catch {
      let path = (error as? AtomicFileError)?.path ?? outputDirectory
      events(.diagnostics([Diagnostic(path: path, message: "\(error)")]))
      outcome.verdict = max(outcome.verdict, .writeFailed)
      return false
    }
    outcome.files += files.count
    for file in files { events(.wrote(path: file.path)) }
    return true
  }
}

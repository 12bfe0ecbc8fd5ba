import CarnetDocument
import Foundation

extension LessonPipeline {
  /// `check`: renders in memory and compares each file with the committed one. A drifted
  /// lesson shows in each of its formats: its first differing file gets the diff, the others
  /// one line each.
  package func check(events: @escaping @Sendable (PipelineEvent) -> Void) -> PipelineOutcome {
    var outcome = PipelineOutcome()
    let loaded = load(into: &outcome, events: events)
    let book = loaded.book
    render(loaded, events: events) { rendered in
      if !rendered.run.failures.isEmpty { outcome.verdict = max(outcome.verdict, .failed) }
      var diffShown: String?
      for file in rendered.files {
        outcome.files += 1
        if !Self.matches(file, sameChangeAs: diffShown, events: events) {
          outcome.verdict = max(outcome.verdict, .failed)
          diffShown = diffShown ?? file.path
        }
      }
    }
    for file in book?.files(formats: formats) ?? [] {
      outcome.files += 1
      if !Self.matches(file, events: events) { outcome.verdict = max(outcome.verdict, .failed) }
    }
    return outcome
  }

  /// Compares a rendered file with the committed one; reports and returns false on a
  /// difference, with a diff unless `shown` names a file of the same lesson whose diff was just
  /// shown.
  private static func matches(
    _ file: RenderedFile, sameChangeAs shown: String? = nil,
    events: @Sendable (PipelineEvent) -> Void
  ) -> Bool {
    let committed = FileBytes.read(file.path)
    if committed == file.utf8 { return true }  // most files: no text decoded, no diff
    let golden = committed.flatMap { String(validating: $0, as: UTF8.self) }
    func report(_ message: String) {
      events(.diagnostics([Diagnostic(path: file.path, message: message)]))
    }
    switch GoldenComparison.compare(expected: golden, actual: file.text, goldenPath: file.path) {
    case .match:
      return true
    case .differs(let diff):
      if let shown {
        report("differs from the rendered lesson too (see the diff of \(shown)); \(accept)")
      } else {
        report("differs from the rendered lesson (diff below); \(accept)")
        events(.diff(diff))
      }
    case .missing:
      report("missing; run 'carnet render' to create it")
    }
    return false
  }

  private static let accept = "run 'carnet render' to accept"
}

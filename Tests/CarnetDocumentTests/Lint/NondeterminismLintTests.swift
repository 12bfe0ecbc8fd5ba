import Testing

@testable import CarnetDocument

/// Warnings, at the lesson's line and column, for code the event loop cannot make deterministic.
@Suite struct NondeterminismLintTests {
  private func warnings(_ text: String) throws -> [String] {
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/essai.md")
    return NondeterminismLint.warnings(in: notebook).map(\.description)
  }

  @Test func eachPatternIsReportedAtItsLineAndColumn() throws {
    let text = """
      # Essai

      ```swift cell=a
      Task { print("hors de la boucle") }
      let t = Task(priority: .high) { 1 }
      Task.detached { }
        let maintenant = Date()
      let aussi = Date.now
      Thread.sleep(forTimeInterval: 1)
      DispatchQueue.main.async { }
      let horloge = ContinuousClock()
      let autre = SuspendingClock.now
      ```
      """
    #expect(
      try warnings(text) == [
        "Notebooks/essai.md:4: warning: cell 'a': 'Task {' starts an unstructured task, which"
          + " leaves the cell's event loop: its timing and output are not deterministic; use"
          + " async let or a task group",
        "Notebooks/essai.md:5:9: warning: cell 'a': 'Task(' starts an unstructured task, which"
          + " leaves the cell's event loop: its timing and output are not deterministic; use"
          + " async let or a task group",
        "Notebooks/essai.md:6: warning: cell 'a': 'Task.detached' starts a detached task, which"
          + " leaves the cell's event loop: its timing and output are not deterministic; use"
          + " async let or a task group",
        "Notebooks/essai.md:7:20: warning: cell 'a': 'Date()' reads the real clock, not the"
          + " cell's simulated one: it changes on every run",
        "Notebooks/essai.md:8:13: warning: cell 'a': 'Date.now' reads the real clock, not the"
          + " cell's simulated one: it changes on every run",
        "Notebooks/essai.md:9: warning: cell 'a': 'Thread.sleep' blocks the event loop's only"
          + " thread on the real clock; use 'try await Task.sleep(for:)', which sleeps on the"
          + " cell's clock",
        "Notebooks/essai.md:10: warning: cell 'a': 'DispatchQueue' runs work outside the cell's"
          + " event loop: its timing and output are not deterministic",
        "Notebooks/essai.md:11:15: warning: cell 'a': 'ContinuousClock' is the real clock, not"
          + " the cell's simulated one: its readings change on every run",
        "Notebooks/essai.md:12:13: warning: cell 'a': 'SuspendingClock' is the real clock, not"
          + " the cell's simulated one: its readings change on every run",
      ])
  }

  @Test func nestedCellsAndSharedBlocksUseTheLessonsColumns() throws {
    let text = """
      1. Un point :

         ```swift cell=liste
         let t = Date()
         ```

      > ```swift cell=outils shared=true
      > func maintenant() -> Date { Date() }
      > ```
      """
    let found = try warnings(text)
    #expect(found.count == 2)
    #expect(
      found.first?.hasPrefix("Notebooks/essai.md:4:12: warning: cell 'liste': 'Date()'") == true)
    #expect(
      found.last?.hasPrefix("Notebooks/essai.md:8:31: warning: cell 'outils': 'Date()'") == true)
  }

  @Test func structuredConcurrencyStringsAndCommentsAreNotReported() throws {
    let text = """
      ```swift cell=a
      try await Task.sleep(for: .seconds(1))
      await Task.yield()
      if Task.isCancelled { return }
      let tache: Task<Int, Never>? = nil
      async let x = f()
      print("Task { } et Date() dans une chaîne")
      // Task { } dans un commentaire, DispatchQueue aussi
      /* Thread.sleep */
      let maTask = 1
      let uneDate = monModule.Date()
      struct MaTaskQueue {}
      ```
      """
    #expect(try warnings(text) == [])
  }
}

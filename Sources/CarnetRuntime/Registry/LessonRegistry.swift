import CarnetDocument

/// The lessons compiled into the running binary, looked up by name.
public struct LessonRegistry: Sendable {
  /// The lessons, in the order given.
  package let lessons: [CompiledLesson]
  private let byName: [String: CompiledLesson]

  /// A registry of `lessons`; when two share a name (which the build refuses), the first wins.
  public init(_ lessons: [CompiledLesson]) {
    self.lessons = lessons
    var byName: [String: CompiledLesson] = [:]
    for lesson in lessons where byName[lesson.name] == nil { byName[lesson.name] = lesson }
    self.byName = byName
  }

  /// The lesson compiled under `name`.
  package func lesson(named name: String) -> CompiledLesson? { byName[name] }

  /// The lesson compiled under `name`; else an error at `path` (the lesson file) saying how to
  /// compile it.
  package func compiledLesson(named name: String, path: String) throws(InputError)
    -> CompiledLesson
  {
    guard let compiled = lesson(named: name) else {
      throw InputError(
        Diagnostic(
          path: path,
          message: "lesson '\(name)' is not compiled into this carnet; put it in"
            + " Notebooks/ and run 'swift run carnet render' (which builds it first)"))
    }
    return compiled
  }

  /// The compiled cells of `notebook`, one per cell in order, when the binary was built from the
  /// lesson exactly as it is now; else an error naming the lesson and the command that fixes it.
  package func cells(for notebook: Notebook) throws(InputError) -> [CompiledCell] {
    let compiled = try compiledLesson(named: notebook.name, path: notebook.path)
    let fingerprint = LessonTangle.fingerprint(of: notebook, sourcePath: compiled.sourcePath)
    let cells = notebook.cells.compactMap { compiled.cell(id: $0.id) }
    guard fingerprint == compiled.fingerprint, cells.count == notebook.cells.count else {
      let origin = compiled.sourcePath == notebook.path ? "" : " from \(compiled.sourcePath)"
      throw InputError(
        Diagnostic(
          path: notebook.path,
          message: "the cells differ from the ones carnet was built\(origin);"
            + " run 'swift run carnet render' (or 'swift build') to rebuild it"))
    }
    return cells
  }
}

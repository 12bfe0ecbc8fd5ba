import Testing

@testable import CarnetDocument
@testable import CarnetRuntime

/// Finding a lesson's compiled cells, and refusing a lesson the binary was not built from.
@Suite struct LessonRegistryTests {
  static let lesson = """
    # Essai

    ```swift cell=bonjour
    print("bonjour")
    ```
    """

  /// A registry holding `text` as it would be compiled from `Notebooks/essai.md`.
  func registry(compiledFrom text: String) throws -> LessonRegistry {
    let notebook = try NotebookParser.parse(text: text, path: "Notebooks/essai.md")
    let tangle = LessonTangle(notebook, sourcePath: "Notebooks/essai.md")
    return LessonRegistry([
      CompiledLesson(
        name: "essai", sourcePath: "Notebooks/essai.md", fingerprint: tangle.fingerprint,
        cells: notebook.cells.map { CompiledCell($0.id) {} })
    ])
  }

  @Test func theLessonAsBuiltFindsItsCells() throws {
    let registry = try registry(compiledFrom: Self.lesson)
    let copy = try NotebookParser.parse(text: Self.lesson, path: "/tmp/ailleurs/essai.md")
    #expect(try registry.cells(for: copy).map(\.id) == ["bonjour"])
  }

  @Test func aProseEditOnTheSameLinesIsStillTheLessonAsBuilt() throws {
    let registry = try registry(compiledFrom: Self.lesson)
    let edited = Self.lesson.replacingOccurrences(of: "# Essai", with: "# Un autre titre")
    let notebook = try NotebookParser.parse(text: edited, path: "Notebooks/essai.md")
    #expect(try registry.cells(for: notebook).count == 1)
  }

  @Test(arguments: [
    ("print(\"bonjour\")", "print(\"au revoir\")"),  // the code
    ("# Essai\n", "# Essai\n\nUne ligne de plus.\n"),  // the cell's line
    ("cell=bonjour", "cell=salut"),  // the ID
  ])
  func aChangedLessonIsRefusedWithTheCommandThatFixesIt(old: String, new: String) throws {
    let registry = try registry(compiledFrom: Self.lesson)
    let edited = Self.lesson.replacingOccurrences(of: old, with: new)
    let notebook = try NotebookParser.parse(text: edited, path: "Notebooks/essai.md")
    #expect {
      try registry.cells(for: notebook)
    } throws: { error in
      (error as? InputError)?.description
        == "Notebooks/essai.md: error: the cells differ from the ones carnet was built;"
        + " run 'swift run carnet render' (or 'swift build') to rebuild it"
    }
  }

  @Test func aLessonThatIsNotCompiledIsNamed() throws {
    let registry = try registry(compiledFrom: Self.lesson)
    let other = try NotebookParser.parse(text: Self.lesson, path: "Notebooks/autre.md")
    #expect {
      try registry.cells(for: other)
    } throws: { error in
      (error as? InputError)?.description.hasPrefix(
        "Notebooks/autre.md: error: lesson 'autre' is not compiled into this carnet") == true
    }
  }
}

import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation

/// The whole of what `render` and `check` do, in one direction: read the lessons (refusing the
/// ones that cannot run), run each, render its files, then write them or compare them with the
/// committed ones, and come to one verdict. A command builds one from its options and shows the
/// events; it decides nothing itself.
package struct LessonPipeline: Sendable {
  /// The lesson files or folders asked for.
  package var paths: [String]
  /// The folder of the rendered files.
  package var outputDirectory: String
  /// The files rendered per lesson.
  package var formats: [OutputFormat]
  /// How web pages are rendered.
  package var htmlOptions: HTMLOptions
  /// The lessons compiled into the executable.
  package var registry: LessonRegistry
  /// How many lessons run at the same time.
  package var batch: LessonBatch
  /// Makes the runner of one lesson (each with a worker of its own).
  package var makeRunner: @Sendable () -> NotebookRunner

  /// A pipeline over `paths`.
  package init(
    paths: [String], outputDirectory: String, formats: [OutputFormat], htmlOptions: HTMLOptions,
    registry: LessonRegistry, batch: LessonBatch,
    makeRunner: @escaping @Sendable () -> NotebookRunner
  ) {
    self.paths = paths
    self.outputDirectory = outputDirectory
    self.formats = formats
    self.htmlOptions = htmlOptions
    self.registry = registry
    self.batch = batch
    self.makeRunner = makeRunner
  }

  /// What running and rendering one lesson produced (on a thread of the batch).
  package struct RenderedLesson: Sendable {
    /// The lesson.
    package var lesson: Lesson
    /// Its run.
    package var run: NotebookRun
    /// Its rendered files, in the order of `formats`.
    package var files: [RenderedFile]
  }

  /// What loading gave: the lessons, whether they form a book, and the runs started early.
  struct Loaded {
    /// The lessons ready to run.
    var lessons: [Lesson]
    /// Their book, when they form one.
    var book: LessonBook?
    /// The runs started before the lessons were read, by lesson path (see `startEarlyRuns`).
    var early: [String: EarlyRun]
  }

  /// The lessons, and whether they form a book. Refusals are reported as events, and make the
  /// verdict `invalidInput`; the other lessons still load. When the book itself is wrong (its
  /// `contents.txt`), that is a refusal and there is no book. The first lessons' cells start
  /// running before the lessons are read.
  func load(
    into outcome: inout PipelineOutcome, events: @Sendable (PipelineEvent) -> Void
  ) -> Loaded {
    let discovered = LessonDiscovery.lessonFiles(in: paths)
    let early = startEarlyRuns(of: discovered.files)
    let loader = LessonLoader(registry: registry, outputDirectory: outputDirectory)
    var loaded = loader.load(discovered)
    let kept = Set(loaded.lessons.map(\.notebook.path))
    for (path, run) in early where !kept.contains(path) { run.stop() }
    var book: LessonBook?
    do {
      book = try LessonBook.of(
        paths: paths, lessons: loaded.lessons, outputDirectory: outputDirectory,
        options: htmlOptions)
      if let book { loaded.lessons = book.lessons }
    } catch {
      loaded.refusals += error.diagnostics
    }
    if !loaded.refusals.isEmpty {
      events(.diagnostics(loaded.refusals))
      outcome.verdict = max(outcome.verdict, .invalidInput)
    }
    outcome.lessons = loaded.lessons.count
    outcome.cells = loaded.lessons.reduce(0) { $0 + $1.notebook.cells.count }
    return Loaded(lessons: loaded.lessons, book: book, early: early)
  }

  /// Starts running the cells of the first lesson `files` (as many as run at the same time)
  /// that are compiled into the binary, as they were compiled: they run while the lessons are
  /// read and parsed, which then confirms each run (a lesson changed since the build is
  /// refused, and its run stopped and dropped). By the lesson's path.
  private func startEarlyRuns(of files: [String]) -> [String: EarlyRun] {
    var early: [String: EarlyRun] = [:]
    for file in files where early.count < batch.jobs {
      guard early[file] == nil,
        let compiled = registry.lesson(named: NotebookParser.name(ofPath: file))
      else { continue }
      early[file] = makeRunner().start(compiled)
    }
    return early
  }

  /// Runs and renders `lessons`, `batch.jobs` at a time, and hands each result to `deliver` in
  /// lesson order, after its warnings and failures were reported. With one job (or one
  /// lesson), progress is told per cell as cells start. The pages of a `book` link to its
  /// contents and to their neighbours.
  func render(
    _ loaded: Loaded, events: @escaping @Sendable (PipelineEvent) -> Void,
    deliver: (RenderedLesson) -> Void
  ) {
    let (lessons, book, early) = (loaded.lessons, loaded.book, loaded.early)
    let (formats, baseOptions, makeRunner) = (self.formats, htmlOptions, self.makeRunner)
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
        events(.lessonStarts(lesson))
        events(.diagnostics(lesson.warnings))
        let count = lesson.notebook.cells.count
        run = runner.run(
          lesson.notebook, cells: lesson.cells, startedEarly: early[lesson.notebook.path]
        ) { index, cell in
          events(.cellStarts(index: index, of: count, cell: cell))
        }
        events(.diagnostics(run.warnings))
      } else {
        run = runner.run(
          lesson.notebook, cells: lesson.cells, startedEarly: early[lesson.notebook.path])
      }
      let files = run.renderedFiles(
        for: lesson, formats: formats, htmlOptions: options[lesson.notebook.path] ?? baseOptions)
      return RenderedLesson(lesson: lesson, run: run, files: files)
    } deliver: { index, rendered in
      if !perCell {
        events(.lessonDone(index: index, of: lessons.count, rendered.lesson))
        events(.diagnostics(rendered.lesson.warnings + rendered.run.warnings))
      }
      events(.diagnostics(rendered.run.failures))
      deliver(rendered)
    }
  }
}

import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation

/// Reads and parses lessons and finds their compiled cells. A lesson that cannot be run (bad
/// input, or a binary built from another version of it) is refused with its diagnostics, and
/// the other lessons are still loaded.
public struct LessonLoader: Sendable {
  /// The lessons compiled into the binary.
  public var registry: LessonRegistry
  /// The folder outputs go to.
  public var outputDirectory: String
  /// How long cmark may take to parse one lesson before it is refused.
  public var parseTimeLimit = NotebookParser.parseTimeLimit

  /// What loading found: the lessons ready to run, and why the others were refused.
  public struct Loaded: Sendable {
    /// The lessons that can run, in file order.
    public var lessons: [Lesson] = []
    /// One or more diagnostics per refused lesson or path, in file order.
    public var refusals: [Diagnostic] = []
  }

  /// Creates a loader.
  public init(registry: LessonRegistry, outputDirectory: String) {
    self.registry = registry
    self.outputDirectory = outputDirectory
  }

  /// Loads every lesson named by `paths` (files or folders).
  public func load(paths: [String]) -> Loaded {
    load(LessonDiscovery.lessonFiles(in: paths))
  }

  /// Loads the lesson files found by `LessonDiscovery.lessonFiles(in:)`, and refuses with its
  /// diagnostics.
  package func load(_ discovered: (files: [String], diagnostics: [Diagnostic])) -> Loaded {
    var loaded = Loaded()
    loaded.refusals = discovered.diagnostics
    var outputOwners: [String: String] = [:]
    let inputs = Set(discovered.files.map(Self.resolved))
    for file in discovered.files {
      do throws(InputError) {
        let lesson = try load(file: file)
        let outputs = [lesson.outputPath, lesson.htmlOutputPath, lesson.ipynbOutputPath]
        if let clash = outputs.first(where: { inputs.contains(Self.resolved($0)) }) {
          throw InputError(
            Diagnostic(
              path: file,
              message: "rendering it would overwrite the lesson \(clash); choose another"
                + " output folder (--output)"))
        }
        if let owner = outputOwners[lesson.outputPath] {
          throw InputError(
            Diagnostic(
              path: file,
              message: "renders to \(lesson.outputPath), like \(owner); rename one of them"))
        }
        outputOwners[lesson.outputPath] = file
        loaded.lessons.append(lesson)
      } catch {
        loaded.refusals += error.diagnostics
      }
    }
    return loaded
  }

  /// Loads one lesson file. A lesson that is not compiled into the binary is refused once its
  /// bytes are checked, before cmark parses it.
  public func load(file: String) throws(InputError) -> Lesson {
    let bytes = try Self.readBytes(file: file)
    let name = NotebookParser.name(ofPath: file)
    if registry.lesson(named: name) == nil {
      try NotebookParser.validate(bytes, path: file)
      _ = try registry.compiledLesson(named: name, path: file)
    }
    // The parse checks the bytes while cmark parses them.
    let notebook = try NotebookParser.parse(bytes: bytes, path: file, timeLimit: parseTimeLimit)
    // The lint reads only the notebook: it runs on another thread while this one tangles the
    // lesson to find its compiled cells.
    let lint = Self.startLint(of: notebook)
    let cells = try registry.cells(for: notebook)
    let folder = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
    return Lesson(
      notebook: notebook, cells: cells, warnings: lint(),
      outputPath: folder + notebook.name + ".md")
  }

  /// Starts `NondeterminismLint.warnings(in: notebook)` on a thread of the global queue; the
  /// function returned waits for the warnings.
  private static func startLint(of notebook: Notebook) -> () -> [Diagnostic] {
    let lint = BackgroundWork { NondeterminismLint.warnings(in: notebook) }
    return { lint.wait() ?? [] }
  }

  /// `path` as an absolute path without `.`, `..` or symbolic links, to compare files.
  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// Reads and parses one lesson file, without looking up its compiled cells; refused when cmark
  /// does not parse it within `parseTimeLimit`.
  public static func readNotebook(
    file: String, parseTimeLimit: Duration = NotebookParser.parseTimeLimit
  ) throws(InputError) -> Notebook {
    try NotebookParser.parse(bytes: readBytes(file: file), path: file, timeLimit: parseTimeLimit)
  }

  /// The bytes of a lesson file.
  private static func readBytes(file: String) throws(InputError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw InputError(Diagnostic(path: file, message: "is a folder, expected a lesson file"))
    }
    guard let bytes = FileBytes.read(file) else {
      throw InputError(Diagnostic(path: file, message: "cannot read this file"))
    }
    return bytes
  }
}

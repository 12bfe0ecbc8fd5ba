import Foundation

/// Reads, parses and resolves lessons, collecting every input error before anything runs, so a
/// bad lesson never leaves some outputs written and others not.
public struct LessonLoader: Sendable {
  /// Where cell IDs are looked up.
  public var registry: ExampleRegistry
  /// The folder outputs go to.
  public var outputDirectory: String

  /// Creates a loader.
  public init(registry: ExampleRegistry, outputDirectory: String) {
    self.registry = registry
    self.outputDirectory = outputDirectory
  }

  /// Loads every lesson named by `paths` (files or folders).
  public func load(paths: [String]) throws(InputError) -> [Lesson] {
    let files = try LessonDiscovery.lessonFiles(in: paths)
    var lessons: [Lesson] = []
    var diagnostics: [Diagnostic] = []
    var outputOwners: [String: String] = [:]
    for file in files {
      do throws(InputError) {
        let lesson = try load(file: file)
        if let owner = outputOwners[lesson.outputPath] {
          diagnostics.append(
            Diagnostic(
              path: file,
              message: "renders to \(lesson.outputPath), like \(owner); rename one of them"))
        }
        outputOwners[lesson.outputPath] = file
        lessons.append(lesson)
      } catch {
        diagnostics += error.diagnostics
      }
    }
    guard diagnostics.isEmpty else { throw InputError(diagnostics) }
    return lessons
  }

  /// Loads one lesson file.
  public func load(file: String) throws(InputError) -> Lesson {
    let notebook = try Self.readNotebook(file: file)
    let examples = try NotebookRunner(registry: registry).resolve(notebook)
    let folder = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
    return Lesson(
      notebook: notebook, examples: examples, outputPath: folder + notebook.name + ".md")
  }

  /// Reads and parses one lesson file, without resolving its cells.
  public static func readNotebook(file: String) throws(InputError) -> Notebook {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw InputError(Diagnostic(path: file, message: "is a folder, expected a lesson file"))
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw InputError(Diagnostic(path: file, message: "cannot read this file"))
    }
    return try NotebookParser.parse(bytes: [UInt8](data), path: file)
  }
}

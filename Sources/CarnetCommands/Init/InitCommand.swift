import ArgumentParser
import Carnet
import CarnetDocument
import Foundation

/// `carnet init DIR`: writes a new course, a package of its own that depends on Carnet.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a new course into DIR: a package whose lessons Carnet compiles and runs.",
    discussion: """
      Writes Package.swift, Sources/course/main.swift, a first lesson in Notebooks/ with its \
      rendered Output/, README.md, .ci/setup, .ci/run, .gitignore and a GitHub Actions \
      workflow. DIR must be new or empty. The course depends on Carnet by URL, or on a local \
      checkout with --carnet-path.
      """
  )

  /// Where Carnet is published, for courses that depend on it by URL.
  static let defaultURL = "https://github.com/carnet-swift/carnet.git"

  @Argument(help: "The folder to create (new or empty).")
  var directory: String

  @Option(help: "The URL of Carnet's git repository the course depends on.")
  var carnetURL: String = InitCommand.defaultURL

  @Option(help: "Depend on the Carnet checkout at PATH instead of its URL (offline work, tests).")
  var carnetPath: String?

  @OptionGroup var runOptions: RunOptions

  func validate() throws {
    if let carnetPath {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: carnetPath, isDirectory: &isDirectory),
        isDirectory.boolValue,
        FileManager.default.fileExists(atPath: carnetPath + "/Package.swift")
      else {
        throw ValidationError(
          "--carnet-path \(carnetPath): no Carnet package (Package.swift) there")
      }
    }
  }

  func run() throws {
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: target.path),
      !entries.isEmpty
    {
      Terminal.report([
        Diagnostic(
          path: directory,
          message: "not empty; carnet init writes a course into a new or empty folder")
      ])
      throw ExitCode(CarnetExit.invalidInput)
    }
    let staging = target.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(target.lastPathComponent).carnet-init-\(ProcessInfo.processInfo.processIdentifier)")
    do {
      try write(into: staging, for: target)
      let rendered = try renderFirstLesson(in: staging)
      if FileManager.default.fileExists(atPath: target.path) {
        try FileManager.default.removeItem(at: target)  // empty, checked above
      }
      try FileManager.default.moveItem(at: staging, to: target)
      Terminal.error(
        "created the course \(directory)" + (rendered ? "" : " (Output/ not rendered yet)"))
      Terminal.error("next: cd \(directory) && .ci/setup && swift run course render")
    } catch let error as ExitCode {
      try? FileManager.default.removeItem(at: staging)
      throw error
    } catch {
      try? FileManager.default.removeItem(at: staging)
      Terminal.report([
        Diagnostic(
          path: directory, message: "cannot write the course: \(error.localizedDescription)")
      ])
      throw ExitCode(CarnetExit.writeFailed)
    }
  }

  /// Writes the course's files into `folder`, for a course that will live at `target`.
  private func write(into folder: URL, for target: URL) throws {
    let name = target.lastPathComponent
    let files: [(path: String, text: String, executable: Bool)] = [
      (
        "Package.swift", CourseTemplate.manifest(name: name, dependency: dependency(from: target)),
        false
      ),
      ("Sources/course/main.swift", CourseTemplate.main, false),
      ("Notebooks/\(CourseTemplate.firstLessonName).md", CourseTemplate.firstLesson, false),
      ("README.md", CourseTemplate.readme(title: name), false),
      (".ci/setup", CourseTemplate.setup, true),
      (".ci/run", CourseTemplate.run, true),
      (".gitignore", CourseTemplate.gitignore, false),
      (".github/workflows/ci.yml", CourseTemplate.workflow, false),
    ]
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.text.utf8).write(to: url)
      if file.executable {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
      }
    }
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("Sources/course/Notebooks").path,
      withDestinationPath: "../../Notebooks")
  }

  /// The `.package(...)` line: by URL, or by a path relative to the course when possible.
  private func dependency(from target: URL) -> String {
    guard let carnetPath else {
      return ".package(url: \(LessonTangle.swiftStringLiteral(carnetURL)), branch: \"main\")"
    }
    let carnet = URL(fileURLWithPath: carnetPath).standardizedFileURL
    let path = Self.relativePath(from: target, to: carnet)
    return ".package(name: \"carnet\", path: \(LessonTangle.swiftStringLiteral(path)))"
  }

  /// Renders the first lesson into `folder/Output` with the copy compiled into this binary;
  /// false when this binary has none (a course's own command), so the course renders it.
  private func renderFirstLesson(in folder: URL) throws -> Bool {
    let lesson = folder.appendingPathComponent("Notebooks/\(CourseTemplate.firstLessonName).md")
      .path
    let output = folder.appendingPathComponent("Output").path
    let loader = LessonLoader(registry: CompiledLessons.registry, outputDirectory: output)
    guard let loaded = try? loader.load(file: lesson) else { return false }
    let formats: [OutputFormat] = [.markdown, .html]
    let run = runOptions.runner(formats: formats).run(loaded.notebook, cells: loaded.cells)
    guard run.failures.isEmpty else {
      Terminal.report(run.failures)
      throw ExitCode(CarnetExit.failed)
    }
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try AtomicFile.write(all: run.renderedFiles(for: loaded, formats: formats))
    return true
  }

  /// `destination` relative to the folder `origin` (both absolute), with `..` where needed.
  static func relativePath(from origin: URL, to destination: URL) -> String {
    let from = origin.pathComponents
    let to = destination.pathComponents
    let common = zip(from, to).prefix { $0 == $1 }.count
    let path = Array(repeating: "..", count: from.count - common) + to.dropFirst(common)
    return path.isEmpty ? "." : path.joined(separator: "/")
  }
}

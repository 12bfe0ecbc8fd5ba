import Foundation
import PackagePlugin

/// Compiles the lessons into the target they are applied to: every `*.md` file of the package's
/// `Notebooks/` folder, and every other `*.md` file among the target's own files (test
/// fixtures). One build command runs `CarnetTangle` over all of them; it writes one Swift file per
/// lesson and the `LessonCatalog` that lists them, each only when its content changes.
///
/// SwiftPM asks a plugin for its commands only when it plans the build, which it does again when
/// a target's folder gains, loses or renames a file, not when some other folder does. So the
/// target's folder holds a symbolic link to `Notebooks/` (`Sources/Lessons/Notebooks`): adding,
/// renaming or removing a lesson changes the target's folder, and the next build compiles the
/// new list. Without the link, the plugin warns.
@main
struct TangleLessons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let notebooks = root.appending(path: "Notebooks", directoryHint: .isDirectory)
    // The lessons as the target lists them (through its link to Notebooks/, then its own), as
    // inputs; and each file's real path, for the tool and the lessons' diagnostics.
    var lessons: [URL] = []
    var support: [URL] = []
    if let module = target.sourceModule {
      let linked = Self.hasLink(to: notebooks, in: module.directoryURL)
      let inNotebooks = notebooks.resolvingSymlinksInPath().path + "/"
      let (fromNotebooks, own) = Self.split(
        module.sourceFiles(withSuffix: "md").map(\.url),
        by: { $0.resolvingSymlinksInPath().path.hasPrefix(inNotebooks) })
      lessons = (linked ? fromNotebooks : Self.markdownFiles(in: notebooks)) + own
      // The target's Swift files, but its entry point: hidden helpers a lesson may call.
      support = module.sourceFiles(withSuffix: "swift").map(\.url)
        .filter { $0.lastPathComponent != "main.swift" }
        .sorted { $0.path < $1.path }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "Tangled")
    let catalog = output.appending(path: "LessonCatalog.swift")
    let routing = output.appending(path: "CellRouting.swift")
    var arguments = [
      "--package-root", root.path, "--catalog", catalog.path, "--routing", routing.path,
      "--module", target.name,
      "--cache", context.pluginWorkDirectoryURL.appending(path: "CompileChecks").path,
    ]
    // Cells marked expect=compile-error are checked with the toolchain's compiler.
    if let swiftc = try? context.tool(named: "swiftc") {
      arguments += ["--swiftc", swiftc.url.path]
    }
    for file in support { arguments += ["--support", file.path] }
    arguments.append("--")
    var generated: [URL] = []
    for lesson in Self.uniquelyNamed(lessons, root: root) {
      let swift = output.appending(
        path: lesson.deletingPathExtension().lastPathComponent + ".lesson.swift")
      arguments += [lesson.resolvingSymlinksInPath().path, swift.path]
      generated.append(swift)
    }
    // The book's order file is read by `carnet render`, not compiled; as an input, SwiftPM
    // counts it as handled instead of warning about it.
    let contents =
      target.sourceModule?.sourceFiles.map(\.url)
      .filter { $0.lastPathComponent == "contents.txt" } ?? []
    let inputs = lessons + support + contents
    return [
      .buildCommand(
        displayName: "Tangling \(lessons.count) lesson(s) into \(target.name)",
        executable: try context.tool(named: "CarnetTangle").url,
        arguments: arguments, inputFiles: inputs, outputFiles: generated + [catalog, routing])
    ]
  }

  /// The lessons, but those named like an earlier one: a lesson is named by its file name (its
  /// output is `Output/NAME.md`, its code `Lesson_NAME`), so a second one is an error that names
  /// both files (rather than SwiftPM's "multiple producers" for their generated files).
  private static func uniquelyNamed(_ lessons: [URL], root: URL) -> [URL] {
    var firstByName: [String: URL] = [:]
    var kept: [URL] = []
    let base = root.resolvingSymlinksInPath().path + "/"
    func relative(_ url: URL) -> String {
      let path = url.resolvingSymlinksInPath().path
      return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
    }
    for lesson in lessons {
      let name = lesson.deletingPathExtension().lastPathComponent
      if let first = firstByName[name] {
        Diagnostics.error(
          "\(relative(first)): another lesson is named '\(name)', \(relative(lesson)): a lesson"
            + " is named by its file name; rename one of them", file: nil, line: nil)
        continue
      }
      firstByName[name] = lesson
      kept.append(lesson)
    }
    return kept
  }

  /// Whether the target's folder links to `Notebooks/` (see above); warns when it does not.
  private static func hasLink(to notebooks: URL, in folder: URL) -> Bool {
    let link = folder.appending(path: "Notebooks")
    guard FileManager.default.fileExists(atPath: notebooks.path) else { return true }
    if link.resolvingSymlinksInPath().path == notebooks.resolvingSymlinksInPath().path {
      return true
    }
    Diagnostics.warning(
      "\(folder.lastPathComponent) has no link to Notebooks/, so a lesson added, renamed or"
        + " removed is only seen after 'touch Package.swift'; restore it with"
        + " 'ln -s ../../Notebooks \(link.path)'")
    return false
  }

  /// The files for which `isFirst` holds, then the others, each sorted by file name.
  private static func split(_ files: [URL], by isFirst: (URL) -> Bool) -> ([URL], [URL]) {
    let sorted = files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    return (sorted.filter(isFirst), sorted.filter { !isFirst($0) })
  }

  /// The `*.md` files directly in `folder` (not hidden), sorted by name; none when it is missing.
  private static func markdownFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
      .map { folder.appending(path: $0, directoryHint: .notDirectory) }
  }
}

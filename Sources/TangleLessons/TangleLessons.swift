import Foundation
import PackagePlugin

/// Compiles the lessons into the target they are applied to: every `*.md` file of the package's
/// `Notebooks/` folder, and every `*.md` file among the target's own files (test fixtures). One
/// build command runs `CarnetTangle` over all of them; it writes one Swift file per lesson and
/// the `LessonCatalog` that lists them, each only when its content changes.
///
/// The `Notebooks/` folder itself is an input, beside each lesson: adding, renaming or removing a
/// lesson changes the folder, so SwiftPM plans the build again and the new list is compiled.
@main
struct TangleLessons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let notebooks = root.appending(path: "Notebooks", directoryHint: .isDirectory)
    var lessons = Self.markdownFiles(in: notebooks)
    var support: [URL] = []
    if let module = target.sourceModule {
      lessons += module.sourceFiles(withSuffix: "md").map(\.url)
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
      support = module.sourceFiles(withSuffix: "swift").map(\.url)
        .sorted { $0.path < $1.path }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "Tangled")
    let catalog = output.appending(path: "LessonCatalog.swift")
    var arguments = [
      "--package-root", root.path, "--catalog", catalog.path, "--module", target.name,
      "--cache", context.pluginWorkDirectoryURL.appending(path: "CompileChecks").path,
    ]
    // Cells marked expect=compile-error are checked with the toolchain's compiler.
    if let swiftc = try? context.tool(named: "swiftc") {
      arguments += ["--swiftc", swiftc.url.path]
    }
    for file in support { arguments += ["--support", file.path] }
    arguments.append("--")
    var generated: [URL] = []
    for lesson in lessons {
      let swift = output.appending(
        path: lesson.deletingPathExtension().lastPathComponent + ".lesson.swift")
      arguments += [lesson.path, swift.path]
      generated.append(swift)
    }
    var inputs = lessons + support
    if FileManager.default.fileExists(atPath: notebooks.path) { inputs.append(notebooks) }
    return [
      .buildCommand(
        displayName: "Tangling \(lessons.count) lesson(s) into \(target.name)",
        executable: try context.tool(named: "CarnetTangle").url,
        arguments: arguments, inputFiles: inputs, outputFiles: generated + [catalog])
    ]
  }

  /// The `*.md` files directly in `folder` (not hidden), sorted by name; none when it is missing.
  private static func markdownFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
      .map { folder.appending(path: $0, directoryHint: .notDirectory) }
  }
}

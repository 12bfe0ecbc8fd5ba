import CarnetDocument
import Foundation

/// Turns the paths a user gives (lesson files or folders of lessons) into lesson files.
public enum LessonDiscovery {
  /// The lesson files named by `paths`: files as given, folders expanded to their `*.md` files
  /// (not recursive), sorted by name; and a diagnostic for each missing path and each folder
  /// without lessons.
  public static func lessonFiles(in paths: [String]) -> (files: [String], diagnostics: [Diagnostic])
  {
    var files: [String] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        diagnostics.append(Diagnostic(path: path, message: "no such file or folder"))
        continue
      }
      guard isDirectory.boolValue else {
        files.append(path)
        continue
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      let lessons = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
      if lessons.isEmpty {
        diagnostics.append(
          Diagnostic(path: path, message: "no lessons (*.md files) in this folder"))
      }
      let folder = path.hasSuffix("/") ? path : path + "/"
      files += lessons.map { folder + $0 }
    }
    return (files, diagnostics)
  }
}

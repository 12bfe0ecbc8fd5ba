import ArgumentParser
import Carnet
import CarnetDocument
import CarnetRendering
import CarnetRuntime
import Foundation

/// `carnet list`: lessons, their cells with lines and options, and whether they are compiled.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List lessons and their cells with line numbers and options.",
    discussion: """
      Flags lessons that are not compiled into this carnet or that changed since it was built \
      (exit 2).
      """
  )

  @Argument(help: "Lesson files or folders of lessons (*.md).")
  var paths: [String] = ["Notebooks"]

  func run() throws {
    let registry = CompiledLessons.registry
    let discovered = LessonDiscovery.lessonFiles(in: paths)
    var diagnostics = discovered.diagnostics
    for file in discovered.files {
      let notebook: Notebook
      do {
        notebook = try LessonLoader.readNotebook(file: file)
      } catch {
        diagnostics += error.diagnostics
        continue
      }
      var status = ""
      do {
        _ = try registry.cells(for: notebook)
      } catch {
        diagnostics += error.diagnostics
        status = "  [not built from this version: run 'swift build']"
      }
      var counts = "\(notebook.cells.count) cells"
      if !notebook.declarations.isEmpty { counts += ", \(notebook.declarations.count) shared" }
      print("\(notebook.path)  (\(counts))\(status)")
      let blocks = (notebook.cells + notebook.declarations).sorted { $0.location < $1.location }
      for cell in blocks {
        let options = cell.options.words.joined(separator: " ")
        print("  \(cell.location.line)\t\(cell.id)\(options.isEmpty ? "" : "\t" + options)")
      }
    }
    Terminal.report(diagnostics)
    if !diagnostics.isEmpty { throw ExitCode(CarnetExit.invalidInput) }
  }
}

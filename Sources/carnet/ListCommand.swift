import ArgumentParser
import Carnet
import Foundation
import Lessons

/// `carnet list`: lessons, their cells, and the registered examples.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List lessons, their cells with line numbers, and the registered examples.",
    discussion: "Flags cells whose ID is not registered (exit 2) and examples no cell uses."
  )

  @Argument(help: "Lesson files or folders of lessons (*.md).")
  var paths: [String] = ["Notebooks"]

  func run() throws {
    let registry = LessonCatalog.registry
    var notebooks: [Notebook] = []
    var diagnostics: [Diagnostic] = []
    do {
      for file in try LessonDiscovery.lessonFiles(in: paths) {
        do {
          notebooks.append(try LessonLoader.readNotebook(file: file))
        } catch {
          diagnostics += error.diagnostics
        }
      }
    } catch {
      diagnostics += error.diagnostics
    }
    var used: Set<String> = []
    var unknown = 0
    for notebook in notebooks {
      print("\(notebook.path)  (\(notebook.cells.count) cells)")
      for cell in notebook.cells {
        used.insert(cell.id)
        let known = registry.example(id: cell.id) != nil
        if !known { unknown += 1 }
        print("  \(cell.location.line)\t\(cell.id)\(known ? "" : "\t[unknown ID]")")
      }
    }
    let lessonExamples = registry.examples.count - registry.fixtureIDs.count
    print(
      "Registered examples (\(lessonExamples), and \(registry.fixtureIDs.count) test fixtures):")
    for example in registry.examples where !registry.fixtureIDs.contains(example.id) {
      let place = "\(ExampleSource.relativePath(example.file)):\(example.line)"
      print("  \(example.id)\t\(place)\(used.contains(example.id) ? "" : "\t[unused]")")
    }
    for id in registry.duplicateIDs {
      diagnostics.append(
        Diagnostic(path: "Sources/Lessons", message: "example ID '\(id)' is registered twice"))
    }
    Terminal.report(diagnostics)
    if !diagnostics.isEmpty || unknown > 0 { throw ExitCode(CarnetExit.invalidInput) }
  }
}

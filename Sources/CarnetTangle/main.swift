import CarnetDocument
import Foundation

// The tool of the TangleLessons build plugin:
//
//   CarnetTangle --package-root ROOT --catalog CATALOG.swift [options] -- (LESSON.md OUT.swift)...
//
// (see `TangleArguments`) writes the Swift source of each lesson (see `LessonTangle`) to its
// OUT.swift, and the catalog of all of them, each only when its content changes (so that an edit
// that changes no cell recompiles nothing). Cells marked `expect=compile-error` are checked with
// the compiler first (see `CompileChecker`). Problems are printed as compilers print them, at
// the lesson's line, and fail the build. A lesson that cmark does not parse within
// `NotebookParser.parseTimeLimit` (cmark 0.30 is quadratic on some inputs) is one of them: the
// build fails at that lesson instead of hanging, and exiting ends the parse left behind.

/// Writes `text` to `path` unless the file already holds exactly that.
func writeIfChanged(_ text: String, to path: String) throws {
  let data = Data(text.utf8)
  if FileManager.default.contents(atPath: path) == data { return }
  try FileManager.default.createDirectory(
    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
  try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}

func report(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

guard let arguments = TangleArguments(Array(CommandLine.arguments.dropFirst())) else {
  report(
    "usage: CarnetTangle --package-root ROOT --catalog CATALOG.swift --routing ROUTING.swift"
      + " [--swiftc SWIFTC]"
      + " [--module NAME] [--cache DIR] [--support FILE]... -- (LESSON.md OUT.swift)...")
  exit(64)
}
var checker = CompileChecker(arguments: arguments)
var failed = false
var typeNames: [String] = []
var lessonOfName: [String: String] = [:]
for (markdown, swift) in arguments.lessons {
  let path = arguments.relative(markdown)
  do {
    guard let data = FileManager.default.contents(atPath: markdown) else {
      throw InputError(Diagnostic(path: path, message: "cannot read this lesson"))
    }
    if let problem = LessonTangle.pathProblem(path) {
      throw InputError(Diagnostic(path: path, message: problem))
    }
    let notebook = try NotebookParser.parse(bytes: [UInt8](data), path: path)
    if let other = lessonOfName[notebook.name] {
      throw InputError(
        Diagnostic(
          path: path,
          message: "two lessons are named '\(notebook.name)' (the other is \(other));"
            + " rename one of them"))
    }
    lessonOfName[notebook.name] = path
    let checks = try checker.checks(of: notebook, sourcePath: path)
    let tangle = LessonTangle(notebook, sourcePath: path, compileChecks: checks)
    try writeIfChanged(tangle.source, to: swift)
    typeNames.append(tangle.typeName)
  } catch let error as InputError {
    for diagnostic in error.diagnostics { report(diagnostic.description) }
    failed = true
  } catch {
    report(
      Diagnostic(
        path: path, message: "cannot write its Swift source: \(error.localizedDescription)"
      ).description)
    failed = true
  }
}
if failed { exit(1) }
checker.pruneCache()
do {
  try writeIfChanged(LessonTangle.catalogSource(typeNames: typeNames), to: arguments.catalog)
  try writeIfChanged(LessonTangle.routingSource, to: arguments.routing)
} catch {
  report("error: cannot write the lesson catalog: \(error.localizedDescription)")
  exit(1)
}

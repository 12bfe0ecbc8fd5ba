import Carnet
import CarnetRendering
import CarnetRuntime
import CarnetDocument
import Foundation

// carnet-bench: what Benchmarks/run.sh times besides the real `carnet` binary.
//
//   carnet-bench generate-book --bytes N --output FILE [--id CELL-ID]
//   carnet-bench register FILE...
//   carnet-bench render [--phases] [--format md|html|both] [--in-process] [--no-timeline]
//                       [--output DIR] FILE...
//   carnet-bench tasks N [--shape group|discarding|chunked|yield] [--no-timeline]
//                        [--worker | --prototype]
//   carnet-bench worker [--tasks N --shape SHAPE] [FILE...]   (the cell worker, internal)

let usage = """
  usage: carnet-bench generate-book --bytes N --output FILE [--id CELL-ID]
         carnet-bench register FILE...
         carnet-bench render [--phases] [--format md|html|both] [--in-process] [--no-timeline]
                             [--output DIR] FILE...
         carnet-bench tasks N [--shape group|discarding|chunked|yield] [--no-timeline]
                              [--worker | --prototype]
  """

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("carnet-bench: \(message)\n".utf8))
  exit(64)
}

func seconds(_ duration: Duration) -> Double {
  let (whole, attoseconds) = duration.components
  return Double(whole) + Double(attoseconds) / 1e18
}

/// Parses `--name value` options and flags; the rest are positional arguments.
struct Arguments {
  var options: [String: String] = [:]
  var flags: Set<String> = []
  var positional: [String] = []

  init(_ arguments: ArraySlice<String>, valued: Set<String>) {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if valued.contains(argument) {
        guard let value = iterator.next() else { fail("\(argument) needs a value") }
        options[argument] = value
      } else if argument.hasPrefix("--") {
        flags.insert(argument)
      } else {
        positional.append(argument)
      }
    }
  }
}

/// `generate-book`: writes a book of about `--bytes` bytes.
func generateBook(_ arguments: Arguments) throws {
  guard let bytes = arguments.options["--bytes"].flatMap({ Int($0) }), bytes > 0,
    let output = arguments.options["--output"]
  else { fail(usage) }
  let book = BookGenerator.book(bytes: bytes, cellID: arguments.options["--id"])
  try AtomicFile.write(book, to: output)
  try BenchExamples.Compiled.register(lesson: output)
}

/// `register`: writes what the tangle plugin would compile of each lesson beside it (see
/// `BenchExamples.Compiled`), so that `render` can run a lesson that was not generated.
func register(_ arguments: Arguments) throws {
  guard !arguments.positional.isEmpty else { fail(usage) }
  for file in LessonDiscovery.lessonFiles(in: arguments.positional).files {
    try BenchExamples.Compiled.register(lesson: file)
  }
}

/// A runner like `RunOptions.runner()` of the `carnet` command: cells run in a child process
/// (`carnet-bench worker ARGUMENTS`, serving `registry`), or in this process with `inProcess`.
func cellRunner(
  inProcess: Bool, settings: CellRunner, workerArguments: [String] = []
) -> any CellRunning {
  guard !inProcess, let executable = Bundle.main.executableURL else { return settings }
  return ProcessCellRunner(
    executable: executable, arguments: ["worker"] + workerArguments, settings: settings)
}

/// `render`: what `carnet render FILE --output DIR [--format md|html|both] [--in-process]` does,
/// with the benchmark's examples (`RenderCommand.run` and `RunOptions.runner(formats:)` in the
/// main package): start the first lesson's cells, load, run every cell (in a worker process
/// unless `--in-process`, recording task timelines when HTML is written, or never with
/// `--no-timeline`), render every format (default both, as `carnet render`), write the files of
/// each lesson all or nothing (as `carnet render`). With `--phases`, prints the time of each
/// phase as one JSON line on standard error: "run" is then what is left of the run once the
/// lessons are loaded (the first lesson's cells run while it loads).
func render(_ arguments: Arguments) throws -> Int32 {
  let output = arguments.options["--output"] ?? "Output"
  let paths = arguments.positional
  guard !paths.isEmpty else { fail(usage) }
  let formats: [OutputFormat]
  switch arguments.options["--format"] ?? "both" {
  case "md": formats = [.markdown]
  case "html": formats = [.html]
  case "both": formats = [.markdown, .html]
  default: fail(usage)
  }
  let clock = ContinuousClock()
  let start = clock.now
  let books = BenchExamples.compiledBooks(paths)
  let settings = CellRunner(
    clock: .virtual, wallClockLimit: .seconds(10),
    recordsTimelines: formats.contains(.html) && !arguments.flags.contains("--no-timeline"))
  let runner = NotebookRunner(
    cellRunner: cellRunner(
      inProcess: arguments.flags.contains("--in-process"), settings: settings,
      workerArguments: paths))
  // As `carnet render` does for the lessons it runs at the same time (one here): the first
  // lesson's cells start running, as compiled, while the lessons are read.
  var early: [String: EarlyRun] = [:]
  if let first = books.first { early[first.file] = runner.start(first.lesson) }
  let loading = LessonLoader(
    registry: LessonRegistry(books.map(\.lesson)), outputDirectory: output
  ).load(paths: paths)
  guard loading.refusals.isEmpty else {
    for diagnostic in loading.refusals {
      FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
    return 2
  }
  let lessons = loading.lessons
  let loaded = clock.now
  try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
  var runTime = Duration.zero
  var renderTime = Duration.zero
  var writeTime = Duration.zero
  var failed = false
  for lesson in lessons {
    let t0 = clock.now
    let result = runner.run(
      lesson.notebook, cells: lesson.cells, startedEarly: early[lesson.notebook.path])
    let t1 = clock.now
    let files = result.renderedFiles(for: lesson, formats: formats)
    let t2 = clock.now
    if result.failures.isEmpty {
      try AtomicFile.write(all: files)
    } else {
      failed = true
      for diagnostic in result.failures {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
      }
    }
    let t3 = clock.now
    runTime += t1 - t0
    renderTime += t2 - t1
    writeTime += t3 - t2
  }
  if arguments.flags.contains("--phases") {
    let cells = lessons.reduce(0) { $0 + $1.notebook.cells.count }
    let line = String(
      format: #"{"load": %.6f, "run": %.6f, "render": %.6f, "write": %.6f, "cells": %d}"#,
      seconds(loaded - start), seconds(runTime), seconds(renderTime), seconds(writeTime), cells)
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
  return failed ? 1 : 0
}

/// `tasks N`: runs the "many tasks" cell once, as `carnet render` runs a cell (on a fresh
/// event loop, recording its timeline unless `--no-timeline`), in this process (or in a worker
/// process with `--worker`, as `carnet render` does; or on the prototype loop), and prints one
/// JSON line.
func tasks(_ arguments: Arguments) -> Int32 {
  guard let count = arguments.positional.first.flatMap({ Int($0) }), count >= 0 else {
    fail(usage)
  }
  let shapeName = arguments.options["--shape"] ?? "group"
  guard let shape = BenchExamples.Shape(rawValue: shapeName) else { fail(usage) }
  let runner = CellRunner(
    clock: .virtual, wallClockLimit: .seconds(3600),
    recordsTimelines: !arguments.flags.contains("--no-timeline"))
  let lesson = BenchExamples.tasksLesson(count, shape: shape)
  let example = lesson.cells[0]
  let clock = ContinuousClock()
  let start = clock.now
  let ok: Bool
  let simulated: Duration
  if arguments.flags.contains("--prototype") {
    (ok, simulated) = PrototypeRunner.run(example.body)
  } else {
    let running = cellRunner(
      inProcess: !arguments.flags.contains("--worker"), settings: runner,
      workerArguments: ["--tasks", String(count), "--shape", shapeName])
    let run = running.run(
      CellJob(lessonName: lesson.name, cell: example, options: CellOptions()))
    (ok, simulated) = (run.ending == .returned, run.simulatedTime)
    if !ok { FileHandle.standardError.write(Data("cell ended: \(run.ending)\n".utf8)) }
  }
  let elapsed = clock.now - start
  let line =
    #"{"tasks": \#(count), "shape": "\#(shapeName)", "#
    + String(format: #""seconds": %.6f, "simulated": %.3f, "#, seconds(elapsed), seconds(simulated))
    + #""ok": \#(ok)}"#
  print(line)
  return ok ? 0 : 1
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail(usage) }
let rest = arguments.dropFirst(2)
let valued: Set<String> = [
  "--bytes", "--output", "--shape", "--id", "--tasks", "--format", "--requests-fd", "--messages-fd",
]
do {
  switch arguments[1] {
  case "generate-book":
    try generateBook(Arguments(rest, valued: valued))
  case "register":
    try register(Arguments(rest, valued: valued))
  case "render":
    exit(try render(Arguments(rest, valued: valued)))
  case "tasks":
    exit(tasks(Arguments(rest, valued: valued)))
  case "worker":
    let options = Arguments(rest, valued: valued)
    var extra: [CompiledLesson] = []
    if let count = options.options["--tasks"].flatMap({ Int($0) }),
      let shape = BenchExamples.Shape(rawValue: options.options["--shape"] ?? "group")
    {
      extra.append(BenchExamples.tasksLesson(count, shape: shape))
    }
    let registry = BenchExamples.registry(books: options.positional, extra: extra)
    guard let requests = options.options["--requests-fd"].flatMap({ Int32($0) }),
      let messages = options.options["--messages-fd"].flatMap({ Int32($0) })
    else { fail("worker: --requests-fd and --messages-fd are required") }
    exit(
      CellWorkerServer.serve(
        registry: registry, channel: WorkerChannel(requests: requests, messages: messages)))
  default:
    fail(usage)
  }
} catch {
  FileHandle.standardError.write(Data("carnet-bench: \(error)\n".utf8))
  exit(1)
}

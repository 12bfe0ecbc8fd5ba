import Carnet
import CarnetRendering
import CarnetRuntime
import CarnetDocument
import Foundation

/// The examples the benchmark registers: trivial cells for generated books, and the "many
/// tasks" cell, parameterized by the number of tasks and the shape of the code.
enum BenchExamples {
  /// The cell IDs a generated book uses, in turn.
  static let bookIDs = ["book-hello", "book-sleep", "book-pair"]

  /// The trivial examples of generated books, by base ID.
  static let book: [CompiledCell] = [
    CompiledCell("book-hello") {
      print("Bonjour depuis une cellule Carnet !")
    },

    CompiledCell("book-sleep") {
      try await Task.sleep(for: .milliseconds(500))
      print("réveillé après 0,5 s")
    },

    CompiledCell("book-pair") {
      func attendre(_ nom: String, secondes: Double) async throws -> String {
        try await Task.sleep(for: .seconds(secondes))
        return nom
      }
      async let a = attendre("a", secondes: 1)
      async let b = attendre("b", secondes: 0.5)
      print(try await [a, b])
    },
  ]

  /// The benchmark's stand-in for the tangle plugin, which compiles the cells of a lesson at
  /// build time: each book's cell `BASE-N` runs the example `BASE` (the books are generated, so
  /// their code cannot be compiled in advance). A book is registered from its `Compiled` file,
  /// written when it was generated (or by `carnet-bench register`): its name, source path,
  /// fingerprint and cell IDs, what the plugin compiles into `carnet`. So registering parses
  /// nothing, and loading a book does exactly what `carnet` does: parse it once, tangle it, and
  /// compare fingerprints.
  static func registry(books: [String], extra: [CompiledLesson] = []) -> LessonRegistry {
    LessonRegistry(compiledBooks(books).map(\.lesson) + extra)
  }

  /// The compiled lesson of each book file named by `books` (files or folders), in file order.
  static func compiledBooks(_ books: [String]) -> [(file: String, lesson: CompiledLesson)] {
    let bodies = Dictionary(book.map { ($0.id, $0.body) }, uniquingKeysWith: { first, _ in first })
    let files = LessonDiscovery.lessonFiles(in: books).files
    return files.map { file -> (file: String, lesson: CompiledLesson) in
      guard let compiled = Compiled.read(lesson: file) else {
        fail("\(file) has no \(Compiled.path(of: file)); run 'carnet-bench register \(file)'")
      }
      // As cheap as the plugin's generated registry can make it (carnet reads its registry from
      // compiled code): the base is the ID up to its last hyphen.
      let cells = compiled.cells.compactMap { cell -> CompiledCell? in
        let id = cell.id
        let base = id.lastIndex(of: "-").map { String(id[..<$0]) } ?? id
        return (bodies[base] ?? bodies[id]).map { CompiledCell(id, options: cell.options, $0) }
      }
      let lesson = CompiledLesson(
        name: compiled.name, sourcePath: compiled.sourcePath, fingerprint: compiled.fingerprint,
        cells: cells)
      return (file, lesson)
    }
  }

  /// What the tangle plugin would compile of a lesson, kept beside it in `LESSON.compiled`:
  /// one line each for its name, source path and fingerprint, then one line per cell: its ID
  /// and its options' words (`CellOptions.words`), separated by spaces.
  struct Compiled {
    var name: String
    var sourcePath: String
    var fingerprint: String
    var cells: [(id: String, options: [String])]

    /// The file that holds what is compiled of `lesson`.
    static func path(of lesson: String) -> String { lesson + ".compiled" }

    /// Parses and tangles `lesson` once (as the plugin does at build time) and writes what it
    /// compiles beside it.
    static func register(lesson: String) throws {
      let notebook = try LessonLoader.readNotebook(file: lesson)
      let lines =
        [
          notebook.name, notebook.path,
          LessonTangle.fingerprint(of: notebook, sourcePath: notebook.path),
        ] + notebook.cells.map { ([$0.id] + $0.options.words).joined(separator: " ") }
      try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: path(of: lesson))
    }

    /// What is compiled of `lesson`, or nil when it was never registered.
    static func read(lesson: String) -> Compiled? {
      guard let data = FileManager.default.contents(atPath: path(of: lesson)) else { return nil }
      let lines = data.split(separator: UInt8(ascii: "\n")).map {
        String(decoding: $0, as: UTF8.self)
      }
      guard lines.count >= 3 else { return nil }
      return Compiled(
        name: lines[0], sourcePath: lines[1], fingerprint: lines[2],
        cells: lines.dropFirst(3).map { line in
          // Most cells have no options: their line is their ID, kept as it is.
          guard line.utf8.contains(UInt8(ascii: " ")) else { return (line, []) }
          let words = line.split(separator: " ").map(String.init)
          return (words.first ?? "", Array(words.dropFirst()))
        })
    }
  }

  /// The lesson that holds the "many tasks" cell.
  static func tasksLesson(_ count: Int, shape: Shape) -> CompiledLesson {
    CompiledLesson(
      name: "tasks", sourcePath: "tasks", fingerprint: "",
      cells: [manyTasks(count, shape: shape)])
  }

  /// How the "many tasks" cell is written.
  enum Shape: String, CaseIterable {
    /// `withTaskGroup`: N children, each sleeping a pseudo-random duration (the scenario).
    case group
    /// `withDiscardingTaskGroup`: the same with a discarding group.
    case discarding
    /// A group of groups of about ∛(2N) children each: bounds how many siblings a sleeping
    /// child has, so the runtime's linear scan of a group's children stays short (see
    /// `ANALYSIS.md`); the same tasks, the same durations.
    case chunked
    /// `withTaskGroup`: N children that only yield (no sleep), for comparison.
    case yield
  }

  /// The "many tasks" example: `count` tasks in a task group, each sleeping a pseudo-random
  /// number of milliseconds in 0...10,000 drawn from a fixed LCG, so every run (and the Python
  /// versions in `python/`) sleeps the same durations.
  static func manyTasks(_ count: Int, shape: Shape) -> CompiledCell {
    CompiledCell("many-tasks") {
      var random = LCG()
      switch shape {
      case .group:
        await withTaskGroup(of: Void.self) { group in
          for _ in 0..<count {
            let milliseconds = random.nextMilliseconds()
            group.addTask { try? await Task.sleep(for: .milliseconds(milliseconds)) }
          }
        }
      case .discarding:
        await withDiscardingTaskGroup { group in
          for _ in 0..<count {
            let milliseconds = random.nextMilliseconds()
            group.addTask { try? await Task.sleep(for: .milliseconds(milliseconds)) }
          }
        }
      case .chunked:
        // Inner scans cost about N·c/4 and outer ones (N/c)²/4: c = ∛(2N) balances them.
        let chunk = max(16, Int(cbrt(2 * Double(count)).rounded()))
        await withTaskGroup(of: Void.self) { outer in
          for start in stride(from: 0, to: count, by: chunk) {
            let durations = (start..<min(start + chunk, count)).map { _ in
              random.nextMilliseconds()
            }
            outer.addTask {
              await withTaskGroup(of: Void.self) { group in
                for milliseconds in durations {
                  group.addTask { try? await Task.sleep(for: .milliseconds(milliseconds)) }
                }
              }
            }
          }
        }
      case .yield:
        await withTaskGroup(of: Void.self) { group in
          for _ in 0..<count {
            group.addTask { await Task.yield() }
          }
        }
      }
      print("\(count) tâches terminées")
    }
  }
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants); `python/lcg.py` is the same.
struct LCG {
  private var state: UInt64 = 42

  /// The next duration, in milliseconds, in 0...10,000.
  mutating func nextMilliseconds() -> Int64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int64((state >> 33) % 10_001)
  }
}

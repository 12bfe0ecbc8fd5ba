import CarnetDocument

/// A lesson as the tangle plugin compiled it into the binary: what `carnet` runs for it.
public struct CompiledLesson: Sendable {
  /// The lesson's name (its file name without `.md`).
  public let name: String
  /// The lesson's path relative to its package, as the build read it (`Notebooks/demo.md`).
  package let sourcePath: String
  /// The `LessonTangle` fingerprint of the lesson the build read: the same lesson tangled again
  /// gives the same fingerprint, and any change to its cells (or their lines) another.
  package let fingerprint: String
  /// The lesson's cells that run, in document order.
  public let cells: [CompiledCell]
  /// Where each cell is in `cells`, by ID (the first when two share one): looking a cell up is
  /// constant time, where a search would make a long lesson's run quadratic.
  private let indexByID: [String: Int]

  /// Describes a compiled lesson (generated code calls this).
  public init(name: String, sourcePath: String, fingerprint: String, cells: [CompiledCell]) {
    self.name = name
    self.sourcePath = sourcePath
    self.fingerprint = fingerprint
    self.cells = cells
    indexByID = Dictionary(
      cells.indices.map { (cells[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The cell with `id`, if the lesson has one.
  package func cell(id: String) -> CompiledCell? { indexByID[id].map { cells[$0] } }

  /// The cells that run (all but those only compiled), with the options the build read: the
  /// jobs the lesson's run is made of, if the lesson is as it was built; nil when an option
  /// cannot be read back.
  package var jobs: [CellJob]? {
    var jobs: [CellJob] = []
    var options: [[String]: CellOptions] = [:]
    for cell in cells where cell.compileCheck == nil {
      let read: CellOptions
      if let known = options[cell.optionWords] {
        read = known
      } else {
        guard let parsed = try? CellOptions(words: cell.optionWords) else { return nil }
        (options[cell.optionWords], read) = (parsed, parsed)
      }
      jobs.append(CellJob(lessonName: name, cell: cell, options: read))
    }
    return jobs
  }
}

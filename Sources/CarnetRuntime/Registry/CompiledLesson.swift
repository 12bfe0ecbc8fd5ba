import CarnetDocument

/// A lesson as the tangle plugin compiled it into the binary: what `carnet` runs for it.
public struct CompiledLesson: Sendable {
  /// The lesson's name (its file name without `.md`).
  public let name: String
  /// The lesson's path relative to its package, as the build read it (`Notebooks/demo.md`).
  public let sourcePath: String
  /// The `LessonTangle` fingerprint of the lesson the build read: the same lesson tangled again
  /// gives the same fingerprint, and any change to its cells (or their lines) another.
  public let fingerprint: String
  /// The lesson's cells that run, in document order.
  public let cells: [CompiledCell]

  /// Describes a compiled lesson (generated code calls this).
  public init(name: String, sourcePath: String, fingerprint: String, cells: [CompiledCell]) {
    self.name = name
    self.sourcePath = sourcePath
    self.fingerprint = fingerprint
    self.cells = cells
  }

  /// The cell with `id`, if the lesson has one.
  public func cell(id: String) -> CompiledCell? { cells.first { $0.id == id } }
}

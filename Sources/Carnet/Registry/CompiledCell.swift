/// A cell's code as the build compiled it from the lesson: its ID and the closure that runs it.
public struct CompiledCell: Sendable {
  /// The cell's ID (`swift cell=ID`).
  public let id: String
  /// Runs the cell's code.
  public let body: @Sendable () async throws -> Void

  /// A cell `id` whose code is `body`.
  public init(_ id: String, _ body: @escaping @Sendable () async throws -> Void) {
    self.id = id
    self.body = body
  }
}

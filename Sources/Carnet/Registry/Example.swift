/// A registered example: the Swift code a cell tag names, and where its source sits.
///
/// Lessons declare examples with a trailing closure; `#filePath` and `#line` record the place, so
/// `carnet check` can compare the closure's body with the cell's shown code.
public struct Example: Sendable {
  /// The ID that cells use (`swift cell=ID`).
  public let id: String
  /// Absolute path of the Swift file declaring the example.
  public let file: String
  /// Line of the `Example(...)` call in that file.
  public let line: Int
  /// The code to run.
  public let body: @Sendable () async throws -> Void

  /// Registers `body` under `id`.
  public init(
    _ id: String, file: String = #filePath, line: Int = #line,
    _ body: @escaping @Sendable () async throws -> Void
  ) {
    self.id = id
    self.file = file
    self.line = line
    self.body = body
  }
}

import CarnetDocument

/// A cell's code as the build compiled it from the lesson: its ID and the closure that runs it;
/// or, for a cell marked `expect=compile-error`, what the compiler said instead.
public struct CompiledCell: Sendable {
  /// The cell's ID (`swift cell=ID`).
  public let id: String
  /// Runs the cell's code (does nothing for a cell that was only checked).
  public let body: @Sendable () async throws -> Void
  /// For a cell the build left out and checked on its own (`expect=compile-error`): the result.
  package let compileCheck: CompileCheck?
  /// The options the cell runs with, as `key=value` words (`CellOptions.words`), as the build
  /// read them: what lets its lesson start running before it is read (`EarlyRun`).
  package let optionWords: [String]

  /// A cell `id` whose code is `body`, run with the options `options` (`timeout=5s`...).
  public init(
    _ id: String, options: [String] = [], _ body: @escaping @Sendable () async throws -> Void
  ) {
    self.id = id
    self.body = body
    self.compileCheck = nil
    self.optionWords = options
  }

  /// A cell `id` that is not compiled into the binary, checked by the build with this result.
  public init(_ id: String, compileCheck: CompileCheck) {
    self.id = id
    self.body = {}
    self.compileCheck = compileCheck
    self.optionWords = []
  }
}

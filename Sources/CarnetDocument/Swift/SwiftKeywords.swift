/// The words `SwiftLexer` highlights as keywords.
enum SwiftKeywords {
  /// Reserved words, literals and the contextual keywords lessons commonly use (`async`,
  /// `await`, `some`, `any`, `actor`, `mutating`...). Accessor names (`get`, `set`, `willSet`,
  /// `didSet`) are left out: they are also common identifiers (see `accessors`).
  static let all: Set<ArraySlice<UInt8>> = Set(
    [
      // Declarations.
      "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
      "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
      "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
      "actor", "package", "macro",
      // Statements.
      "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
      "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
      // Expressions and types.
      "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
      "try", "async", "some", "any",
      // Modifiers.
      "nonisolated", "isolated", "consuming", "borrowing", "sending", "lazy", "weak", "unowned",
      "mutating", "nonmutating", "override", "final", "required", "convenience", "dynamic",
      "indirect",
    ].map { ArraySlice($0.utf8) })

  /// Keywords that stay keywords right before a `:` (`default:`, `case nil:`, `case true:`);
  /// others are labels there (`sleep(for: .seconds(1))`).
  static let beforeColon: Set<ArraySlice<UInt8>> = Set(
    ["default", "nil", "true", "false"].map { ArraySlice($0.utf8) })

  /// Accessor names: keywords only where they declare an accessor (`get {`, `{ get set }`).
  static let accessors: Set<ArraySlice<UInt8>> = Set(
    ["get", "set", "willSet", "didSet"].map { ArraySlice($0.utf8) })

  /// The words that may stand next to an accessor name in a protocol requirement's list
  /// (`{ get set }`, `{ get async throws }`).
  static let inAccessorList: Set<ArraySlice<UInt8>> = accessors.union(
    ["async", "throws"].map { ArraySlice($0.utf8) })

  /// Keywords that stay keywords after a `.` (`Foo.self`, `.init(...)`).
  static let afterDot: Set<ArraySlice<UInt8>> = Set(["self", "init"].map { ArraySlice($0.utf8) })

  /// Operator fixities: keywords only before `operator` or `func` (`prefix operator +++`,
  /// `static prefix func -`); elsewhere common identifiers (`let prefix = "> "`).
  static let operatorFixities: Set<ArraySlice<UInt8>> = Set(
    ["prefix", "postfix", "infix"].map { ArraySlice($0.utf8) })

  /// The words after which an operator fixity is a keyword.
  static let afterFixity: Set<ArraySlice<UInt8>> = Set(
    ["operator", "func"].map { ArraySlice($0.utf8) })
}

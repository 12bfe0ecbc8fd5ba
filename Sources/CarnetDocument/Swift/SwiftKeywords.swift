/// The words `SwiftLexer` highlights as keywords.
enum SwiftKeywords {
  /// Reserved words, literals and the contextual keywords lessons commonly use (`async`,
  /// `await`, `some`, `any`, `actor`, `mutating`...). Accessor names (`get`, `set`, `willSet`,
  /// `didSet`) are left out: they are also common identifiers.
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

  /// Keywords that stay keywords right before a `:` (`default:`); others are labels there.
  static let beforeColon: Set<ArraySlice<UInt8>> = Set(["default"].map { ArraySlice($0.utf8) })

  /// Keywords that stay keywords after a `.` (`Foo.self`, `.init(...)`).
  static let afterDot: Set<ArraySlice<UInt8>> = Set(["self", "init"].map { ArraySlice($0.utf8) })
}

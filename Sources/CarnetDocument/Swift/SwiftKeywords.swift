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

extension SwiftKeywords {
  /// The sets of `SwiftKeywords` a word belongs to.
  struct Roles: OptionSet {
    let rawValue: UInt8

    /// In `all`.
    static let keyword = Roles(rawValue: 1 << 0)
    /// In `beforeColon`.
    static let beforeColon = Roles(rawValue: 1 << 1)
    /// In `afterDot`.
    static let afterDot = Roles(rawValue: 1 << 2)
    /// In `accessors`.
    static let accessor = Roles(rawValue: 1 << 3)
    /// In `inAccessorList`.
    static let inAccessorList = Roles(rawValue: 1 << 4)
    /// In `operatorFixities`.
    static let operatorFixity = Roles(rawValue: 1 << 5)
    /// In `afterFixity`.
    static let afterFixity = Roles(rawValue: 1 << 6)
  }

  /// The sets `word` belongs to, found with one lookup (the lexer asks for every identifier).
  static func roles(of word: ArraySlice<UInt8>) -> Roles {
    rolesTable.roles(of: word)
  }

  private static let rolesTable = RolesTable(
    [
      (all, .keyword), (beforeColon, .beforeColon), (afterDot, .afterDot),
      (accessors, .accessor), (inAccessorList, .inAccessorList),
      (operatorFixities, .operatorFixity), (afterFixity, .afterFixity),
    ])
}

/// The words of the keyword sets with the sets each belongs to, in an open-addressing hash
/// table (FNV-1a of the bytes, linear probing): no `Hasher`, no allocation per lookup.
private struct RolesTable: Sendable {
  private var words: [[UInt8]] = []
  private var roles: [SwiftKeywords.Roles] = []
  /// Indices into `words` plus one, 0 for an empty slot; a power of two, at most half full.
  private var slots: [Int]

  init(_ sets: [(Set<ArraySlice<UInt8>>, SwiftKeywords.Roles)]) {
    var rolesByWord: [[UInt8]: SwiftKeywords.Roles] = [:]
    for (set, role) in sets {
      for word in set { rolesByWord[Array(word), default: []].insert(role) }
    }
    var size = 16
    while size < 2 * rolesByWord.count { size *= 2 }
    slots = Array(repeating: 0, count: size)
    for (word, role) in rolesByWord {
      var slot = Self.hash(word[...]) & (size - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
      words.append(word)
      roles.append(role)
      slots[slot] = words.count
    }
  }

  func roles(of word: ArraySlice<UInt8>) -> SwiftKeywords.Roles {
    var slot = Self.hash(word) & (slots.count - 1)
    while slots[slot] != 0 {
      let index = slots[slot] - 1
      if words[index].elementsEqual(word) { return roles[index] }
      slot = (slot + 1) & (slots.count - 1)
    }
    return []
  }

  private static func hash(_ word: ArraySlice<UInt8>) -> Int {
    var fingerprint = Fingerprint()
    fingerprint.add(word)
    return Int(truncatingIfNeeded: fingerprint.value)
  }
}

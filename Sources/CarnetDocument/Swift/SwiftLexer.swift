/// A highlighted stretch of Swift source.
package struct SwiftToken: Hashable, Sendable {
  /// What a token is, for highlighting.
  package enum Kind: String, Hashable, Sendable {
    /// A keyword (`func`, `let`, `await`...) or a compiler directive (`#if`, `#available`).
    case keyword
    /// A string literal's text, quotes included, interpolations excluded.
    case string
    /// The `\(` and `)` around an interpolation (the code between them is lexed as code).
    case interpolation
    /// A line, block or documentation comment.
    case comment
    /// A number literal.
    case number
    /// An identifier starting with an uppercase letter (a type, by Swift convention).
    case type
    /// An attribute (`@Sendable`, `@escaping`).
    case attribute
  }

  /// The token's kind.
  package var kind: Kind
  /// Its UTF-8 byte range in the source.
  package var range: Range<Int>
}

/// Splits Swift source into highlighted tokens, in one pass. Text between tokens (identifiers,
/// operators, punctuation, spaces) is plain.
///
/// Handles line, nested block and doc comments; single-line, multi-line (`"""`) and raw
/// (`#"..."#`) strings with escapes and nested interpolations; decimal, hexadecimal, octal and
/// binary numbers with `_`, fractions and exponents. Identifiers may contain non-ASCII letters.
/// A word right after `.` is a member, never a keyword (`task.get()`), except `self` and
/// `init`; a word right before `:` is an argument label (`random(in: 1...6)`), except
/// `default`, `nil`, `true` and `false` (`case nil:`). The accessor names `get`, `set`,
/// `willSet` and `didSet` are keywords only where they declare an accessor, and `prefix`,
/// `postfix` and `infix` only before `operator` or `func`. Unterminated strings and comments end
/// with the line or the text.
package struct SwiftLexer {
  /// What the lexer is inside of.
  private enum Context {
    /// Code; in an interpolation, with the depth of open parentheses.
    case code(depth: Int)
    /// A string literal: one or three quotes, and the number of `#` around it.
    case string(quotes: Int, hashes: Int)
  }

  private let bytes: [UInt8]
  private var index = 0
  private var stack: [Context] = [.code(depth: 0)]
  private var tokens: [SwiftToken] = []

  /// The tokens of `source`, in order, not overlapping.
  package static func tokens(in source: String) -> [SwiftToken] {
    tokens(in: Array(source.utf8))
  }

  /// The tokens of UTF-8 `bytes`, in order, not overlapping.
  package static func tokens(in bytes: [UInt8]) -> [SwiftToken] {
    var lexer = SwiftLexer(bytes: bytes)
    lexer.run()
    return lexer.tokens
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func run() {
    while index < bytes.count {
      switch stack.last {
      case .string(let quotes, let hashes): lexString(quotes: quotes, hashes: hashes)
      case .code(let depth): lexCode(depth: depth)
      case nil: stack = [.code(depth: 0)]
      }
    }
  }

  // MARK: Code

  private mutating func lexCode(depth: Int) {
    let byte = bytes[index]
    let start = index
    switch byte {
    case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
      while index < bytes.count, !isLineBreak(bytes[index]) { index += 1 }
      emit(.comment, from: start)
    case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
      skipBlockComment()
      emit(.comment, from: start)
    case UInt8(ascii: "\""):
      openString(hashes: 0)
    case UInt8(ascii: "#"):
      lexHash()
    case UInt8(ascii: "@") where peek(1).map(isIdentifierStart) == true:
      index += 1
      skipIdentifier()
      emit(.attribute, from: start)
    case UInt8(ascii: "`"):
      index += 1
      while index < bytes.count, bytes[index] != UInt8(ascii: "`"), !isLineBreak(bytes[index]) {
        index += 1
      }
      if index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
    case UInt8(ascii: "("):
      index += 1
      if depth > 0 { stack[stack.count - 1] = .code(depth: depth + 1) }
    case UInt8(ascii: ")"):
      index += 1
      if depth == 1 {
        emit(.interpolation, from: start)
        stack.removeLast()
      } else if depth > 1 {
        stack[stack.count - 1] = .code(depth: depth - 1)
      }
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      skipNumber()
      emit(.number, from: start)
    case _ where isIdentifierStart(byte):
      lexWord()
    default:
      index += 1
    }
  }

  /// `#` starts a raw string (`#"`), a directive (`#if`), or is plain.
  private mutating func lexHash() {
    var hashes = 0
    while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
    if peek(hashes) == UInt8(ascii: "\"") {
      openString(hashes: hashes)
    } else if hashes == 1, peek(1).map(isIdentifierStart) == true {
      let start = index
      index += 1
      skipIdentifier()
      emit(.keyword, from: start)
    } else {
      index += hashes
    }
  }

  private mutating func lexWord() {
    let start = index
    skipIdentifier()
    let word = bytes[start..<index]
    let isMember = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
    let roles = SwiftKeywords.roles(of: word)
    let isLabel = peek(0) == UInt8(ascii: ":") && !roles.contains(.beforeColon)
    if roles.contains(.keyword) && !isLabel && (!isMember || roles.contains(.afterDot)) {
      emit(.keyword, from: start)
    } else if roles.contains(.accessor) && !isMember && !isLabel
      && declaresAccessor(before: start)
    {
      emit(.keyword, from: start)
    } else if roles.contains(.operatorFixity) && !isMember && !isLabel
      && SwiftKeywords.roles(of: nextWord()).contains(.afterFixity)
    {
      emit(.keyword, from: start)
    } else if startsWithUppercase(word) {
      emit(.type, from: start)
    }
  }

  /// Whether the accessor name (`get`, `set`, `willSet`, `didSet`) that ends at `index` and
  /// starts at `start` declares an accessor: followed by its body (`get {`, `set(newValue) {`),
  /// or in a protocol requirement's list (`{ get }`, `{ get set }`, `{ get async throws }`).
  /// Elsewhere (`let set = ...`, `{ set in ... }`, `get()`) it is an identifier.
  private func declaresAccessor(before start: Int) -> Bool {
    var after = skipBlanks(from: index)
    if after < bytes.count, bytes[after] == UInt8(ascii: "(") {
      let name = skipBlanks(from: after + 1)
      let nameEnd = identifierEnd(from: name)
      let close = skipBlanks(from: nameEnd)
      guard nameEnd > name, close < bytes.count, bytes[close] == UInt8(ascii: ")") else {
        return false
      }
      after = skipBlanks(from: close + 1)
      return after < bytes.count && bytes[after] == UInt8(ascii: "{")
    }
    guard after < bytes.count else { return false }
    if bytes[after] == UInt8(ascii: "{") { return true }
    guard
      bytes[after] == UInt8(ascii: "}")
        || SwiftKeywords.roles(of: nextWord()).contains(.inAccessorList)
    else {
      return false
    }
    var before = start
    while before > 0, isBlank(bytes[before - 1]) { before -= 1 }
    guard before > 0 else { return false }
    if bytes[before - 1] == UInt8(ascii: "{") { return true }
    var wordStart = before
    while wordStart > 0, isIdentifierStart(bytes[wordStart - 1]) || isDigit(bytes[wordStart - 1]) {
      wordStart -= 1
    }
    return SwiftKeywords.roles(of: bytes[wordStart..<before]).contains(.inAccessorList)
  }

  /// The word after the one ending at `index`, past blanks (empty if none).
  private func nextWord() -> ArraySlice<UInt8> {
    let next = skipBlanks(from: index)
    return bytes[next..<identifierEnd(from: next)]
  }

  /// The first position at or after `position` that is not a space, tab or line break.
  private func skipBlanks(from position: Int) -> Int {
    var position = position
    while position < bytes.count, isBlank(bytes[position]) { position += 1 }
    return position
  }

  /// The end of the identifier starting at `position` (`position` itself if there is none).
  private func identifierEnd(from position: Int) -> Int {
    var end = position
    while end < bytes.count,
      isIdentifierStart(bytes[end]) || (end > position && isDigit(bytes[end]))
    {
      end += 1
    }
    return end
  }

  private func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || isLineBreak(byte)
  }

  private func startsWithUppercase(_ word: ArraySlice<UInt8>) -> Bool {
    guard let first = word.first else { return false }
    guard first >= 0x80 else { return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) }
    let scalar = String(decoding: word.prefix(4), as: UTF8.self).unicodeScalars.first
    return scalar?.properties.isUppercase == true
  }

  private mutating func skipIdentifier() {
    while index < bytes.count, isIdentifierStart(bytes[index]) || isDigit(bytes[index]) {
      index += 1
    }
  }

  private mutating func skipBlockComment() {
    var depth = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
        depth += 1
        index += 2
      } else if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
        depth -= 1
        index += 2
        if depth == 0 { return }
      } else {
        index += 1
      }
    }
  }

  private mutating func skipNumber() {
    var isHex = false
    if bytes[index] == UInt8(ascii: "0"), let prefix = peek(1),
      [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(prefix)
    {
      isHex = prefix == UInt8(ascii: "x")
      index += 2
    }
    let exponents: [UInt8] = isHex ? [UInt8(ascii: "p"), UInt8(ascii: "P")] : [0x65, 0x45]
    while index < bytes.count {
      let byte = bytes[index]
      if exponents.contains(byte) {
        index += 1
        if let sign = peek(0), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
          index += 1
        }
      } else if byte == UInt8(ascii: "."), let next = peek(1),
        isDigit(next) || (isHex && isHexDigit(next))
      {
        index += 1
      } else if isDigit(byte) || byte == UInt8(ascii: "_") || (isHex && isHexDigit(byte)) {
        index += 1
      } else {
        return
      }
    }
  }

  // MARK: Strings

  /// At `#`* `"`: opens a single-line or multi-line string.
  private mutating func openString(hashes: Int) {
    let start = index
    index += hashes
    let isMultiLine =
      peek(0) == UInt8(ascii: "\"") && peek(1) == UInt8(ascii: "\"")
      && peek(2) == UInt8(ascii: "\"")
    let quotes = isMultiLine ? 3 : 1
    index += quotes
    stack.append(.string(quotes: quotes, hashes: hashes))
    lexString(quotes: quotes, hashes: hashes, from: start)
  }

  /// Lexes string text up to its end, an interpolation, or (single-line) the line's end.
  private mutating func lexString(quotes: Int, hashes: Int, from start: Int? = nil) {
    let start = start ?? index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") && hashesFollow(hashes, at: index + 1) {
        let afterHashes = index + 1 + hashes
        if afterHashes < bytes.count, bytes[afterHashes] == UInt8(ascii: "(") {
          emit(.string, from: start)
          let open = index
          index = afterHashes + 1
          emit(.interpolation, from: open)
          stack.append(.code(depth: 1))
          return
        }
        index = min(bytes.count, afterHashes + 1)
      } else if byte == UInt8(ascii: "\""), closes(quotes: quotes, hashes: hashes) {
        index += quotes + hashes
        break
      } else if quotes == 1 && isLineBreak(byte) {
        break
      } else {
        index += 1
      }
    }
    emit(.string, from: start)
    stack.removeLast()
  }

  /// Whether the quote at `index` closes a string with `quotes` quotes and `hashes` hashes.
  private func closes(quotes: Int, hashes: Int) -> Bool {
    for offset in 0..<quotes where peek(offset) != UInt8(ascii: "\"") { return false }
    return hashesFollow(hashes, at: index + quotes)
  }

  private func hashesFollow(_ count: Int, at position: Int) -> Bool {
    guard position + count <= bytes.count else { return false }
    return bytes[position..<(position + count)].allSatisfy { $0 == UInt8(ascii: "#") }
  }

  // MARK: Helpers

  private mutating func emit(_ kind: SwiftToken.Kind, from start: Int) {
    guard index > start else { return }
    tokens.append(SwiftToken(kind: kind, range: start..<index))
  }

  private func peek(_ offset: Int) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  private func isIdentifierStart(_ byte: UInt8) -> Bool {
    byte >= 0x80 || byte == UInt8(ascii: "_")
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
  }

  private func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }
}

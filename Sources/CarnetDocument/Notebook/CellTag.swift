/// A `swift` block's info string read as a cell tag: `swift cell=ID key=value...`.
struct CellTag: Hashable, Sendable {
  /// The cell's ID.
  var id: String
  /// The cell's options.
  var options: CellOptions

  /// The option keys a cell's info string may use, in the order error messages list them.
  static let knownKeys = ["cell", "shared", "expect", "timeout", "seed", "hide", "timeline"]

  /// Reads a fenced block's info string.
  ///
  /// Returns nil when the block is prose, not a cell: its first word is not `swift`, or no
  /// later word contains `=`. Otherwise the block is an attempted cell, and every later word
  /// must be a known `key=value` option, with `cell=ID` exactly once.
  static func parse(_ info: String) throws(CellTagError) -> CellTag? {
    guard mayTagCell(info.utf8) else { return nil }  // most blocks: no split
    if let tag = plainCell(info) { return tag }  // most cells: no split either
    let words = info.utf8.split(whereSeparator: isASCIIWhitespace).map { Substring($0) }
    guard words.first == "swift" else { return nil }
    let options = words.dropFirst()
    guard options.contains(where: { $0.contains("=") }) else { return nil }

    var reader = CellTagReader()
    for word in options { reader.read(word) }
    return try reader.finish()
  }

  /// Whether an info string's UTF-8 bytes may be a cell's tag (`parse` may give a tag or an
  /// error): they start with `swift`. Any other block is prose.
  @Sendable static func mayTagCell(_ info: some Sequence<UInt8>) -> Bool {
    info.starts(with: "swift".utf8)
  }

  /// The tag of an info string that is exactly `swift cell=ID` with a well-formed ID, as
  /// `parse` reads it; nil for any other info string.
  private static func plainCell(_ info: String) -> CellTag? {
    var info = info
    return info.withUTF8 { bytes in
      let prefix = "swift cell=".utf8
      guard bytes.starts(with: prefix) else { return nil }
      let id = UnsafeBufferPointer(rebasing: bytes.dropFirst(prefix.count))
      guard CellOptions.isValidID(utf8: id) else { return nil }
      return CellTag(id: String(decoding: id, as: UTF8.self), options: CellOptions())
    }
  }

  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }
}

/// Why an attempted cell's info string is wrong.
struct CellTagError: Error, Hashable, Sendable {
  /// The cell's ID, when the info string gives a well-formed one.
  var id: String?
  /// One line per problem, in the order of the words.
  var messages: [String]
}

/// Reads the `key=value` words of an attempted cell's info string, collecting every problem.
private struct CellTagReader {
  var id: String?
  var options = CellOptions()
  var seenKeys: Set<Substring> = []
  var messages: [String] = []

  mutating func read(_ word: Substring) {
    guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
      messages.append("word '\(word)' in a cell's info string is not key=value")
      return
    }
    let key = word[..<equals]
    let value = word[word.index(after: equals)...]
    guard CellTag.knownKeys.contains(where: { $0.utf8.elementsEqual(key.utf8) }) else {
      messages.append(Self.unknownKeyMessage(key))
      return
    }
    guard seenKeys.insert(key).inserted else {
      messages.append("option '\(key)' given twice")
      return
    }
    if let problem = apply(key: key, value: value) { messages.append(problem) }
  }

  /// Sets one known option; returns a message when its value is not allowed.
  private mutating func apply(key: Substring, value: Substring) -> String? {
    switch key {
    case "cell":
      guard CellOptions.isValidID(value) else { return CellOptions.malformedIDMessage(value) }
      id = String(value)
    case "expect":
      let allowed = CellOptions.Expectation.allCases.filter { $0 != .success }
      guard let expectation = allowed.first(where: { $0.rawValue == value }) else {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return Self.badValue(value, for: key, allowed: names)
      }
      options.expectation = expectation
    case "timeline":
      guard value == "true" || value == "false" else {
        return Self.badValue(value, for: key, allowed: "true, false")
      }
      options.timeline = value == "true"
    case "shared":
      guard value == "true" else { return Self.badValue(value, for: key, allowed: "true") }
      options.isShared = true
    case "hide":
      guard value == "code" else { return Self.badValue(value, for: key, allowed: "code") }
      options.hidesCode = true
    case "timeout":
      guard let timeout = CellOptions.timeout(from: value) else {
        return "invalid timeout '\(value)': use a positive number followed by ms, s, m or h"
          + " (e.g. 10s, 1.5s, 500ms, 2m)"
      }
      options.timeout = timeout
    default:
      guard let seed = CellOptions.seed(from: value) else {
        return "invalid seed '\(value)': use a whole number from 0 to \(UInt64.max)"
      }
      options.seed = seed
    }
    return nil
  }

  func finish() throws(CellTagError) -> CellTag {
    var messages = messages
    if !seenKeys.contains("cell") {
      messages.append("'swift' block has options but no cell=ID")
    }
    if options.isShared {
      for key in CellTag.knownKeys.dropFirst(2) where seenKeys.contains(Substring(key)) {
        messages.append("option '\(key)' has no effect on a shared block, which is never run")
      }
    }
    guard let id, messages.isEmpty else { throw CellTagError(id: id, messages: messages) }
    return CellTag(id: id, options: options)
  }

  private static func badValue(_ value: Substring, for key: Substring, allowed: String) -> String {
    "invalid value '\(value)' for option '\(key)' (allowed: \(allowed))"
  }

  private static func unknownKeyMessage(_ key: Substring) -> String {
    let known = CellTag.knownKeys.joined(separator: ", ")
    var message = "unknown cell option '\(key)' (known: \(known))"
    let distances = CellTag.knownKeys.map { ($0, EditDistance.between(String(key), $0)) }
    if let closest = distances.min(by: { $0.1 < $1.1 }), closest.1 <= 2 {
      message += "; did you mean '\(closest.0)'?"
    }
    return message
  }
}

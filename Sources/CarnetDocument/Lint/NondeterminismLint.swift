/// Finds, in a lesson's cells and shared blocks, the calls that the cell's event loop cannot
/// make deterministic, and warns at their line: unstructured tasks, Dispatch queues, real
/// clocks and blocking sleeps. Strings and comments are skipped.
package enum NondeterminismLint {
  /// One pattern to look for and why it is a problem.
  struct Rule: Sendable {
    /// The words that must follow each other, with only spaces between them: `["Task", "{"]`.
    var words: [String]
    /// What the warning says after naming the words.
    var reason: String
    /// The words' UTF-8 bytes, to match them against a cell's bytes without converting.
    let bytes: [[UInt8]]

    init(words: [String], reason: String) {
      self.words = words
      self.reason = reason
      self.bytes = words.map { Array($0.utf8) }
    }

    /// How the warning names the words: `Task {`, `Task(`, `Date()`, `Thread.sleep`.
    var shown: String {
      switch words.last {
      case "{": words.dropLast().joined() + " {"
      case "(" where words.first == "Date": words.joined() + ")"
      default: words.joined()
      }
    }
  }

  static let rules: [Rule] = [
    Rule(
      words: ["Task", "{"],
      reason: "starts an unstructured task, which leaves the cell's event loop: its timing and"
        + " output are not deterministic; use async let or a task group"),
    Rule(
      words: ["Task", "("],
      reason: "starts an unstructured task, which leaves the cell's event loop: its timing and"
        + " output are not deterministic; use async let or a task group"),
    Rule(
      words: ["Task", ".", "detached"],
      reason: "starts a detached task, which leaves the cell's event loop: its timing and output"
        + " are not deterministic; use async let or a task group"),
    Rule(
      words: ["Date", "("],
      reason: "reads the real clock, not the cell's simulated one: it changes on every run"),
    Rule(
      words: ["Date", ".", "now"],
      reason: "reads the real clock, not the cell's simulated one: it changes on every run"),
    Rule(
      words: ["ContinuousClock"],
      reason: "is the real clock, not the cell's simulated one: its readings change on every run"),
    Rule(
      words: ["SuspendingClock"],
      reason: "is the real clock, not the cell's simulated one: its readings change on every run"),
    Rule(
      words: ["DispatchTime"],
      reason: "reads the real clock, not the cell's simulated one: it changes on every run"),
    Rule(
      words: ["Thread", ".", "sleep"],
      reason: "blocks the event loop's only thread on the real clock; use"
        + " 'try await Task.sleep(for:)', which sleeps on the cell's clock"),
    Rule(
      words: ["DispatchQueue"],
      reason: "runs work outside the cell's event loop: its timing and output are not"
        + " deterministic"),
  ]

  /// The warnings for every cell and shared block of `notebook`, in document order.
  package static func warnings(in notebook: Notebook) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    notebook.forEachBlockInDocumentOrder { block in
      for finding in findings(in: block.code, tokens: SwiftLexer.tokens(in: block.code)) {
        warnings.append(
          Diagnostic(
            path: notebook.path,
            location: SourceLocation(
              line: block.firstCodeLine + finding.line,
              column: block.codeIndentation + finding.column),
            severity: .warning,
            message: "cell '\(block.id)': '\(finding.rule.shown)' \(finding.rule.reason)"))
      }
    }
    return warnings
  }

  /// Whether some rule's first word starts with a byte, by byte: the other words are not tried.
  private static let startsRule: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for rule in rules { if let first = rule.bytes.first?.first { table[Int(first)] = true } }
    return table
  }()

  /// A rule matched at a 0-based line and 1-based byte column of a cell's code.
  struct Finding {
    var rule: Rule
    var line: Int
    var column: Int
  }

  /// Every match in `code`, whose `SwiftLexer` tokens are `tokens`, in order; at most one per
  /// place.
  static func findings(in code: String, tokens: [SwiftToken]) -> [Finding] {
    var bytes = Array(code.utf8)
    for token in tokens where token.kind == .string || token.kind == .comment {
      for index in token.range where bytes[index] != UInt8(ascii: "\n") {
        bytes[index] = UInt8(ascii: " ")
      }
    }
    var findings: [Finding] = []
    var line = 0
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      } else if startsRule[Int(bytes[index])], startsWord(bytes, at: index),
        let rule = rules.first(where: { matches($0.bytes, bytes, at: index) })
      {
        findings.append(Finding(rule: rule, line: line, column: index - lineStart + 1))
      }
      index += 1
    }
    return findings
  }

  /// Whether `words` follow each other from `index`, separated by spaces at most, the last one
  /// not running on into a longer identifier.
  private static func matches(_ words: [[UInt8]], _ bytes: [UInt8], at start: Int) -> Bool {
    var index = start
    for (number, utf8) in words.enumerated() {
      if number > 0 {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
      }
      guard index + utf8.count <= bytes.count, bytes[index..<index + utf8.count].elementsEqual(utf8)
      else { return false }
      index += utf8.count
    }
    let last = words.last?.last ?? 0
    return !isIdentifierByte(last) || index == bytes.count || !isIdentifierByte(bytes[index])
  }

  /// Whether an identifier starts at `index` (not in the middle of one, nor after a `.`).
  private static func startsWord(_ bytes: [UInt8], at index: Int) -> Bool {
    guard isIdentifierByte(bytes[index]) else { return false }
    guard index > 0 else { return true }
    let before = bytes[index - 1]
    return !isIdentifierByte(before) && before != UInt8(ascii: ".")
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || byte >= 0x80
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

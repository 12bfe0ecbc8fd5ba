// Compares Carnet's hand lexer (`SwiftLexer`) with swift-syntax's classification
// (SwiftParser + SwiftIDEUtils) on the ```swift blocks of Markdown files, token by token, and
// prints the figures as Markdown.
//
//   highlighter-compare [--examples N] --corpus NAME FILE... [--corpus NAME FILE...]
import Foundation
import HandLexer
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// What Carnet highlights: the hand lexer's kinds, and `plain` for text outside its tokens.
enum Kind: String, CaseIterable {
  case keyword, type, attribute, string, interpolation, number, comment, plain

  init(_ kind: SwiftToken.Kind) {
    switch kind {
    case .keyword: self = .keyword
    case .string: self = .string
    case .interpolation: self = .interpolation
    case .comment: self = .comment
    case .number: self = .number
    case .type: self = .type
    case .attribute: self = .attribute
    }
  }
}

/// One unit of comparison: a token of swift-syntax's tree, or a comment in its trivia.
struct Unit {
  /// swift-syntax's classification, as swift-syntax names it (`identifier`, `argumentLabel`,
  /// `interpolation` for the `\(` and `)` of a string interpolation...).
  var syntaxClass: String
  /// That classification as the kind Carnet would highlight it with.
  var syntax: Kind
  /// The hand lexer's kind for the unit's first byte.
  var hand: Kind
  /// The kind of the token's parent node (`declReferenceExpr`, `identifierType`...).
  var parent: String
  var text: String
  var line: String
}

/// The ```swift blocks of a Markdown text: fenced with three or more backticks or tildes, info
/// string's first word exactly `swift` (not `swifttest`), possibly inside list items or block
/// quotes (the opening fence's prefix of spaces and `>` is removed from each line).
func swiftBlocks(in text: String) -> [String] {
  var blocks: [String] = []
  var current: [Substring]? = nil
  var prefixWidth = 0
  var fence = ""
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if current != nil {
      var body = line[...]
      var removed = 0
      while removed < prefixWidth, let first = body.first, first == " " || first == ">" {
        body = body.dropFirst()
        removed += 1
      }
      let trimmed = body.drop { $0 == " " }
      if trimmed.hasPrefix(fence), trimmed.allSatisfy({ $0 == fence.first || $0 == " " }) {
        blocks.append((current ?? []).joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(body)
      }
      continue
    }
    let prefix = line.prefix { $0 == " " || $0 == ">" }
    let rest = line.dropFirst(prefix.count)
    guard let marker = rest.first, marker == "`" || marker == "~" else { continue }
    let run = rest.prefix { $0 == marker }
    guard run.count >= 3 else { continue }
    let info = rest.dropFirst(run.count).split(separator: " ").first
    guard info == "swift" else { continue }
    fence = String(run)
    prefixWidth = prefix.count
    current = []
  }
  return blocks
}

/// How Carnet would highlight swift-syntax's classification.
func kind(of classification: SyntaxClassification) -> (String, Kind) {
  switch classification {
  case .keyword: ("keyword", .keyword)
  case .ifConfigDirective: ("ifConfigDirective", .keyword)
  case .type: ("type", .type)
  case .attribute: ("attribute", .attribute)
  case .stringLiteral: ("stringLiteral", .string)
  case .regexLiteral: ("regexLiteral", .string)
  case .integerLiteral: ("integerLiteral", .number)
  case .floatLiteral: ("floatLiteral", .number)
  case .lineComment: ("lineComment", .comment)
  case .blockComment: ("blockComment", .comment)
  case .docLineComment: ("docLineComment", .comment)
  case .docBlockComment: ("docBlockComment", .comment)
  case .identifier: ("identifier", .plain)
  case .dollarIdentifier: ("dollarIdentifier", .plain)
  case .operator: ("operator", .plain)
  case .argumentLabel: ("argumentLabel", .plain)
  case .editorPlaceholder: ("editorPlaceholder", .plain)
  case .none: ("none", .plain)
  }
}

struct BlockResult {
  var units: [Unit] = []
  var hasError = false
}

func compare(_ code: String) -> BlockResult {
  let bytes = Array(code.utf8)
  var handKind = [Kind](repeating: .plain, count: bytes.count)
  for token in SwiftLexer.tokens(in: bytes) {
    for index in token.range { handKind[index] = Kind(token.kind) }
  }
  func lineText(at offset: Int) -> String {
    var start = offset
    while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var end = offset
    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces)
  }
  func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  let tree = Parser.parse(source: code)
  var result = BlockResult(hasError: tree.hasError)
  for token in tree.tokens(viewMode: .sourceAccurate) {
    var offset = token.position.utf8Offset
    for (pieces, isLeading) in [(token.leadingTrivia, true), (token.trailingTrivia, false)] {
      if !isLeading { offset = token.endPositionBeforeTrailingTrivia.utf8Offset }
      for piece in pieces {
        let length = piece.sourceLength.utf8Length
        defer { offset += length }
        let name: String
        switch piece {
        case .lineComment: name = "lineComment"
        case .blockComment: name = "blockComment"
        case .docLineComment: name = "docLineComment"
        case .docBlockComment: name = "docBlockComment"
        default: continue
        }
        result.units.append(
          Unit(
            syntaxClass: name, syntax: .comment, hand: handKind[offset], parent: "trivia",
            text: text(offset..<(offset + length)), line: lineText(at: offset)))
      }
    }
    let classified = token.tokenClassification
    let range = classified.range.lowerBound.utf8Offset..<classified.range.upperBound.utf8Offset
    guard !range.isEmpty, range.lowerBound < bytes.count else { continue }
    var (name, syntax) = kind(of: classified.kind)
    let parent = token.parent.map { "\($0.kind)" } ?? "none"
    if token.parent?.is(ExpressionSegmentSyntax.self) == true {
      (name, syntax) = ("interpolation", .interpolation)
    } else if isRawDelimiter(token) {
      (name, syntax) = ("rawStringPoundDelimiter", .string)
    }
    result.units.append(
      Unit(
        syntaxClass: name, syntax: syntax, hand: handKind[range.lowerBound], parent: parent,
        text: text(range), line: lineText(at: range.lowerBound)))
  }
  return result
}

/// Who is right for a reader, where the two disagree.
enum Verdict: String, CaseIterable {
  /// The hand lexer misses what swift-syntax knows (`get {`, `#available(iOS 10, *)`...).
  case syntax = "swift-syntax"
  /// swift-syntax's purely syntactic classification is what a reader would not expect.
  case hand = "hand lexer"
  /// Both highlight it, differently, and either reads well (a declared type's name).
  case either
  /// TSPL's grammar placeholders (`<#type#>`), not Swift code.
  case placeholder

  init(_ unit: Unit) {
    let declaredName =
      unit.parent.hasSuffix("Decl")
      || ["genericParameter", "importPathComponent", "operatorPrecedenceAndTypes"]
        .contains(unit.parent)
    if unit.text.contains("<#") {
      self = .placeholder
    } else if unit.syntaxClass == "identifier", unit.hand == .type,
      unit.parent == "declReferenceExpr"
    {
      self = .hand
    } else if unit.syntaxClass == "identifier", unit.hand == .type, declaredName {
      self = .either
    } else if unit.syntaxClass == "type", unit.hand == .attribute {
      self = .hand
    } else if ["macroExpansionExpr", "availabilityCondition"].contains(unit.parent),
      unit.hand == .keyword
    {
      self = .either
    } else if unit.parent == "versionComponent" || unit.parent == "genericArgumentClause" {
      self = .either
    } else {
      self = .syntax
    }
  }

  var reason: String {
    switch self {
    case .syntax: "the hand lexer misses what the syntax tree knows"
    case .hand:
      "a type named in an expression (`String(x)`, `Task {`), which a syntax tree alone cannot "
        + "tell from a value (Xcode colours it as a type from semantic information), or an "
        + "attribute's name, which swift-syntax classifies as a type"
    case .either:
      "a declared type's name, a macro expansion (`#function`) or `#available` as a keyword, a "
        + "version (`10.12`) as a number, an attribute's generic arguments: either reads well"
    case .placeholder: "TSPL's grammar placeholders (`<#type#>`), not Swift code"
    }
  }
}

func isRawDelimiter(_ token: TokenSyntax) -> Bool {
  if case .rawStringPoundDelimiter = token.tokenKind { return true }
  return false
}

// MARK: Report

func percent(_ part: Int, _ whole: Int) -> String {
  whole == 0 ? "–" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
}

func report(corpus: String, files: [String], examples: Int) throws -> String {
  var blocks = 0
  var lines = 0
  var errors = 0
  var units: [Unit] = []
  for file in files {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    for block in swiftBlocks(in: text) {
      blocks += 1
      lines += block.split(separator: "\n", omittingEmptySubsequences: false).count - 1
      let result = compare(block)
      if result.hasError { errors += 1 }
      units += result.units
    }
  }
  var out = "### \(corpus)\n\n"
  let agree = units.filter { $0.syntax == $0.hand }.count
  let marked = units.filter { $0.syntax != .plain || $0.hand != .plain }
  let markedAgree = marked.filter { $0.syntax == $0.hand }.count
  out += "\(files.count) files, \(blocks) blocks, \(lines) lines; \(errors) blocks with a "
  out += "syntax error for swift-syntax (fragments such as `...`, which it still classifies).\n\n"
  out += "| units (tokens and comments) | agreeing | highlighted by either | agreeing |\n"
  out += "|---:|---:|---:|---:|\n"
  out += "| \(units.count) | \(agree) (\(percent(agree, units.count))) | \(marked.count) | "
  out += "\(markedAgree) (\(percent(markedAgree, marked.count))) |\n\n"

  let disagreements = units.filter { $0.syntax != $0.hand }
  var verdicts: [Verdict: Int] = [:]
  for unit in disagreements { verdicts[Verdict(unit), default: 0] += 1 }
  let judged = units.count - verdicts[.placeholder, default: 0]
  let handWrong = verdicts[.syntax, default: 0]
  let syntaxWrong = verdicts[.hand, default: 0]
  out += "Accuracy against a reader's reference (swift-syntax's classification, corrected "
  out += "where a reader expects otherwise; placeholders left out): the hand lexer "
  out += "**\(percent(judged - handWrong, judged))**, swift-syntax "
  out += "**\(percent(judged - syntaxWrong, judged))** of \(judged) units.\n\n"
  out += "| disagreements | units | right for a reader |\n|---|---:|---|\n"
  for verdict in Verdict.allCases {
    out += "| \(verdict.rawValue) | \(verdicts[verdict, default: 0]) | \(verdict.reason) |\n"
  }
  out += "| total | \(disagreements.count) | |\n\n"

  out += "Confusion (rows: swift-syntax, as Carnet would highlight it; columns: hand lexer):\n\n"
  out += "| swift-syntax \\ hand | " + Kind.allCases.map(\.rawValue).joined(separator: " | ")
  out += " | total | agreeing |\n"
  out += "|---|" + String(repeating: "---:|", count: Kind.allCases.count + 2) + "\n"
  for row in Kind.allCases {
    let inRow = units.filter { $0.syntax == row }
    let cells = Kind.allCases.map { column -> String in
      let count = inRow.filter { $0.hand == column }.count
      return column == row ? "**\(count)**" : "\(count)"
    }
    let same = inRow.filter { $0.hand == row }.count
    out += "| \(row.rawValue) | " + cells.joined(separator: " | ")
    out += " | \(inRow.count) | \(percent(same, inRow.count)) |\n"
  }
  out += "| total | "
  out += Kind.allCases.map { column in "\(units.filter { $0.hand == column }.count)" }
    .joined(separator: " | ")
  out += " | \(units.count) | |\n\n"

  // Disagreements, grouped by swift-syntax's own class, the hand kind and the parent node.
  struct Group: Hashable {
    var syntaxClass: String
    var hand: Kind
    var parent: String
    var verdict: Verdict
  }
  var groups: [Group: [Unit]] = [:]
  for unit in units where unit.syntax != unit.hand {
    let key = Group(
      syntaxClass: unit.syntaxClass, hand: unit.hand, parent: unit.parent,
      verdict: Verdict(unit))
    groups[key, default: []].append(unit)
  }
  let sorted = groups.sorted {
    $0.value.count != $1.value.count
      ? $0.value.count > $1.value.count : "\($0.key)" < "\($1.key)"
  }
  out += "Disagreements by swift-syntax class, hand kind and parent node (largest first):\n\n"
  out += "| count | swift-syntax | hand | parent node | right | most frequent texts | example |\n"
  out += "|---:|---|---|---|---|---|---|\n"
  for (group, members) in sorted.prefix(examples) {
    var counts: [String: Int] = [:]
    for member in members { counts[member.text, default: 0] += 1 }
    let texts = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(6).map { "`\(cell($0.key))` \($0.value)" }.joined(separator: ", ")
    let example = members.first.map { "`\(cell(String($0.line.prefix(70))))`" } ?? ""
    out += "| \(members.count) | \(group.syntaxClass) | \(group.hand.rawValue) | "
    out += "\(group.parent) | \(group.verdict.rawValue) | \(texts) | \(example) |\n"
  }
  if sorted.count > examples {
    let rest = sorted.dropFirst(examples).reduce(0) { $0 + $1.value.count }
    out += "| \(rest) | (\(sorted.count - examples) smaller groups) | | | | | |\n"
  }
  return out + "\n"
}

/// Text for a Markdown table cell inside backticks.
func cell(_ text: String) -> String {
  text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    .replacingOccurrences(of: "\n", with: "⏎")
}

var corpora: [(String, [String])] = []
var examples = 25
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--corpus":
    guard let name = arguments.popFirst() else { break }
    corpora.append((name, []))
  case "--examples":
    examples = arguments.popFirst().flatMap { Int($0) } ?? examples
  default:
    if corpora.isEmpty { corpora.append(("files", [])) }
    corpora[corpora.count - 1].1.append(argument)
  }
}
do {
  for (name, files) in corpora {
    print(try report(corpus: name, files: files, examples: examples), terminator: "")
  }
} catch {
  FileHandle.standardError.write(Data("highlighter-compare: \(error)\n".utf8))
  exit(1)
}

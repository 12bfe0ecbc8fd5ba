import Testing

@testable import CarnetDocument

@Suite("Swift: SwiftLexer")
struct SwiftLexerTests {
  /// The tokens of `source` as (kind, text) pairs.
  private func tokens(_ source: String) -> [(SwiftToken.Kind, String)] {
    let bytes = Array(source.utf8)
    return SwiftLexer.tokens(in: bytes).map {
      ($0.kind, String(decoding: bytes[$0.range], as: UTF8.self))
    }
  }

  private func expectTokens(
    _ source: String, _ expected: [(SwiftToken.Kind, String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let actual = tokens(source)
    #expect(
      actual.map { "\($0.0):\($0.1)" } == expected.map { "\($0.0):\($0.1)" },
      sourceLocation: sourceLocation)
  }

  @Test("keywords, types, numbers and plain identifiers")
  func keywords() {
    expectTokens(
      "let x: Int = 42 + y",
      [(.keyword, "let"), (.type, "Int"), (.number, "42")])
    expectTokens(
      "func f() async throws -> String { try await g(); return nil }",
      [
        (.keyword, "func"), (.keyword, "async"), (.keyword, "throws"), (.type, "String"),
        (.keyword, "try"), (.keyword, "await"), (.keyword, "return"), (.keyword, "nil"),
      ])
  }

  @Test("a member after a dot and an argument label before a colon are not keywords")
  func membersAndLabels() {
    expectTokens(
      "x.default; Int.random(in: 1...6); sleep(for: .seconds(1)); T.self; .init()",
      [
        (.type, "Int"), (.number, "1"), (.number, "6"), (.number, "1"), (.type, "T"),
        (.keyword, "self"), (.keyword, "init"),
      ])
    expectTokens(
      "switch v { default: break }",
      [
        (.keyword, "switch"), (.keyword, "default"), (.keyword, "break"),
      ])
  }

  @Test("strings with escapes and interpolations, nested")
  func strings() {
    expectTokens(
      #"print("a \"b\" \(x + "c\(1)") d")"#,
      [
        (.string, #""a \"b\" "#), (.interpolation, #"\("#), (.string, #""c"#),
        (.interpolation, #"\("#), (.number, "1"), (.interpolation, ")"), (.string, #"""#),
        (.interpolation, ")"), (.string, #" d""#),
      ])
    expectTokens(#"f("(", ")")"#, [(.string, #""(""#), (.string, #"")""#)])
  }

  @Test("multi-line and raw strings")
  func multiLineAndRaw() {
    let source = "let s = \"\"\"\n  a \"quoted\" \\(n)\n  \"\"\"\nlet r = #\"raw \\(no) \\#(yes)\"#"
    expectTokens(
      source,
      [
        (.keyword, "let"), (.string, "\"\"\"\n  a \"quoted\" "), (.interpolation, "\\("),
        (.interpolation, ")"), (.string, "\n  \"\"\""), (.keyword, "let"),
        (.string, "#\"raw \\(no) "), (.interpolation, "\\#("), (.interpolation, ")"),
        (.string, "\"#"),
      ])
  }

  @Test("an unterminated single-line string ends with its line")
  func unterminatedString() {
    expectTokens(
      "let s = \"abc\nlet t = 1",
      [
        (.keyword, "let"), (.string, "\"abc"), (.keyword, "let"), (.number, "1"),
      ])
  }

  @Test("line, doc and nested block comments")
  func comments() {
    expectTokens(
      "/// Doc `x`.\nlet a = 1 // end \"not a string\"\n/* outer /* inner */ still */ b",
      [
        (.comment, "/// Doc `x`."), (.keyword, "let"), (.number, "1"),
        (.comment, "// end \"not a string\""), (.comment, "/* outer /* inner */ still */"),
      ])
  }

  @Test("number forms")
  func numbers() {
    expectTokens(
      "0x1F 0b1010 0o17 1_000_000 3.14 1e-3 2.5E+10 0x1.8p3 0...9 0..<5 t.0",
      [
        (.number, "0x1F"), (.number, "0b1010"), (.number, "0o17"), (.number, "1_000_000"),
        (.number, "3.14"), (.number, "1e-3"), (.number, "2.5E+10"), (.number, "0x1.8p3"),
        (.number, "0"), (.number, "9"), (.number, "0"), (.number, "5"), (.number, "0"),
      ])
  }

  @Test("attributes, directives, non-ASCII and backticked identifiers")
  func attributesAndIdentifiers() {
    expectTokens(
      "@Sendable @escaping #if DEBUG #available let résultat2 = `class` + Été",
      [
        (.attribute, "@Sendable"), (.attribute, "@escaping"), (.keyword, "#if"),
        (.type, "DEBUG"), (.keyword, "#available"), (.keyword, "let"), (.type, "Été"),
      ])
  }

  @Test("accessor names are keywords where they declare an accessor, identifiers elsewhere")
  func accessors() {
    expectTokens(
      "var v: Int { get { 1 } set(newValue) { } }",
      [
        (.keyword, "var"), (.type, "Int"), (.keyword, "get"), (.number, "1"), (.keyword, "set"),
      ])
    expectTokens(
      "var n = 0 {\n  willSet {\n  }\n  didSet (old) { }\n}",
      [(.keyword, "var"), (.number, "0"), (.keyword, "willSet"), (.keyword, "didSet")])
    expectTokens(
      "protocol P { var a: Int { get } var b: Int { get set } var c: Int { get async throws } }",
      [
        (.keyword, "protocol"), (.type, "P"), (.keyword, "var"), (.type, "Int"),
        (.keyword, "get"), (.keyword, "var"), (.type, "Int"), (.keyword, "get"),
        (.keyword, "set"), (.keyword, "var"), (.type, "Int"), (.keyword, "get"),
        (.keyword, "async"), (.keyword, "throws"),
      ])
    expectTokens(
      "let set = Set<Int>(); set.insert(1); xs.map { set in set }; get(); d.get { }; f(get: 1)",
      [
        (.keyword, "let"), (.type, "Set"), (.type, "Int"), (.number, "1"), (.keyword, "in"),
        (.number, "1"),
      ])
  }

  @Test("nil, true and false before a colon are literals, not labels")
  func literalsBeforeColon() {
    expectTokens(
      "switch o { case nil: break; case true: break }; [false: 0]",
      [
        (.keyword, "switch"), (.keyword, "case"), (.keyword, "nil"), (.keyword, "break"),
        (.keyword, "case"), (.keyword, "true"), (.keyword, "break"), (.keyword, "false"),
        (.number, "0"),
      ])
  }

  @Test("operator fixities are keywords before operator or func, identifiers elsewhere")
  func fixities() {
    expectTokens(
      "prefix operator +++\ninfix operator +-: AdditionPrecedence\nstatic postfix func ++ (x: T)",
      [
        (.keyword, "prefix"), (.keyword, "operator"), (.keyword, "infix"), (.keyword, "operator"),
        (.type, "AdditionPrecedence"), (.keyword, "static"), (.keyword, "postfix"),
        (.keyword, "func"), (.type, "T"),
      ])
    expectTokens(
      "let prefix = s.prefix(2); f(infix: 1); postfix",
      [(.keyword, "let"), (.number, "2"), (.number, "1")])
  }

  @Test("tokens cover the source in order, without overlaps, for any input")
  func tokensOrdered() {
    let source = String(
      repeating: "let s = \"a\\(b(\"c\"))\" /* x */ 1.5 // é\n#\"r\"# @A `q` ", count: 50)
    let tokens = SwiftLexer.tokens(in: source)
    var end = 0
    for token in tokens {
      #expect(token.range.lowerBound >= end)
      #expect(!token.range.isEmpty)
      end = token.range.upperBound
    }
    #expect(end <= source.utf8.count)
  }
}

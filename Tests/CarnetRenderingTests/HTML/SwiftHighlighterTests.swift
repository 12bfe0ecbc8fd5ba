import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: SwiftHighlighter")
struct SwiftHighlighterTests {
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

  @Test("HTML: token classes around escaped text")
  func html() {
    #expect(
      SwiftHighlighter.html("if a < b && c > \"<&>\" { } // <x>\n")
        == "<span class=\"tok-kw\">if</span> a &lt; b &amp;&amp; c &gt; "
        + "<span class=\"tok-str\">&quot;&lt;&amp;&gt;&quot;</span> { } "
        + "<span class=\"tok-com\">// &lt;x&gt;</span>\n")
    #expect(
      SwiftHighlighter.html("print(\"\\(n)\") 7")
        == "print(<span class=\"tok-str\">&quot;</span><span class=\"tok-interp\">\\(</span>n"
        + "<span class=\"tok-interp\">)</span><span class=\"tok-str\">&quot;</span>) "
        + "<span class=\"tok-num\">7</span>")
    #expect(SwiftHighlighter.html("") == "")
    #expect(SwiftHighlighter.html("'é'\t") == "&#39;é&#39;\t")
  }

  @Test("the HTML is well-formed whatever the source")
  func wellFormed() throws {
    let sources = [
      "\"unterminated \\(", "/* open", "\"\"\"\n\\(\"x", "#\"\\#(", "@", "#", "0x", "`",
      "))))((((", "\"\\(\"\\(\"\\(\")\")\")\"",
    ]
    for source in sources {
      let html = "<code>" + SwiftHighlighter.html(source) + "</code>"
      let root = try HTMLTestSupport.parse(html)
      #expect(root.textContent == source, "\(source.debugDescription)")
    }
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

import Testing

@testable import CarnetRendering

@Suite("Rendering: SwiftHighlighter")
struct SwiftHighlighterTests {
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
}

import CarnetTestSupport
import Foundation
import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("Rendering: HTMLRenderer")
struct HTMLRendererTests {
  private typealias H = HTMLTestSupport

  private static let lesson = """
    # Leçon *été* ☕️

    Intro with `code`, an [anchor](#cell-b) & a <b>raw</b> tag.

    ```swift cell=a
    let x = "é" // note
    print(x)
    ```

    - Item:

      ```swift cell=b expect=error
      throw Oops()
      ```

    > Note:
    >
    > ```swift cell=c hide=code
    > setup()
    > ```

    ```swift
    let prose = 1
    ```

    ~~~text
    plain <text>
    ~~~
    """

  private static func lessonRuns() -> [CellRun] {
    [
      H.run("a", "é\n"),
      CellRun(
        cellID: "b", output: "", ending: .threw(type: "Oops", description: "bad <input> & more"),
        simulatedTime: .milliseconds(250)),
      H.run("c", "ready\n"),
    ]
  }

  @Test("the page is well-formed XML with a head, a title and the lesson in <main>")
  func wellFormed() throws {
    let page = try H.render(Self.lesson, Self.lessonRuns())
    let root = try H.parse(page)
    #expect(root.name == "html")
    #expect(root.attributes["lang"] == "en")
    let head = try #require(root.children.first { $0.name == "head" })
    let metas = head.all(named: "meta")
    #expect(metas.contains { $0.attributes["charset"] == "utf-8" })
    #expect(
      metas.contains {
        $0.attributes["name"] == "viewport"
          && $0.attributes["content"] == "width=device-width, initial-scale=1"
      })
    #expect(head.all(named: "title").first?.textContent == "Leçon été ☕️")
    let style = try #require(head.all(named: "style").first)
    #expect(style.textContent.contains("@media print"))
    #expect(style.textContent.contains("@media (max-width"))
    #expect(root.all(named: "main").count == 1)
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
  }

  @Test("the page loads nothing from elsewhere and has no script")
  func selfContained() throws {
    let page = try H.render(Self.lesson, Self.lessonRuns())
    for forbidden in [
      "src=\"http", "href=\"http", "src=\"//", "href=\"//", "<script", "<link", "@import",
      "url(",
    ] {
      #expect(!page.contains(forbidden), "found \(forbidden)")
    }
  }

  @Test("cells become code, output and error blocks in place, in lists and quotes too")
  func cellsInPlace() throws {
    let root = try H.parse(try H.render(Self.lesson, Self.lessonRuns()))
    let cells = root.all { $0.attributes["class"]?.hasPrefix("cell") == true }
    #expect(cells.map { $0.attributes["id"] } == ["cell-a", "cell-b", "cell-c"])
    #expect(cells[0].all(named: "code").first?.textContent == "let x = \"é\" // note\nprint(x)\n")
    let output = cells[0].all { $0.attributes["class"] == "output" }.first
    #expect(output?.textContent.contains("é") == true)
    let error = try #require(cells[1].all { $0.attributes["class"] == "error expected" }.first)
    #expect(error.textContent.contains("Oops: bad <input> & more"))
    #expect(error.textContent.contains("(expected)"))
    #expect(cells[2].attributes["class"] == "cell hidden-code")
    #expect(cells[2].all(named: "code").isEmpty)
    #expect(cells[2].textContent.contains("ready"))
    let item = try #require(root.all(named: "li").first)
    #expect(item.all { $0.attributes["id"] == "cell-b" }.count == 1)
    let quote = try #require(root.all(named: "blockquote").first)
    #expect(quote.all { $0.attributes["id"] == "cell-c" }.count == 1)
    #expect(root.textContent.components(separatedBy: "print(x)").count == 2)
  }

  @Test("untagged swift blocks are highlighted; other code blocks are left to cmark")
  func proseCode() throws {
    let page = try H.render(Self.lesson, Self.lessonRuns())
    #expect(
      page.contains(
        "<pre class=\"code\"><code class=\"language-swift\"><span class=\"tok-kw\">let</span>"
          + " prose = <span class=\"tok-num\">1</span>\n</code></pre>"))
    #expect(page.contains("<pre><code class=\"language-text\">plain &lt;text&gt;\n</code></pre>"))
  }

  @Test("everything a cell prints is escaped: a printed script stays text")
  func outputEscaped() throws {
    let text = "```swift cell=x\nprint(1)\n```\n"
    let attack = "<script>alert(1)</script> & \"q\" 'a' \u{1B}[31m\0"
    let page = try H.render(text, [H.run("x", attack + "\n")])
    let root = try H.parse(page)
    #expect(root.all(named: "script").isEmpty)
    #expect(!page.contains("<script"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"))
    #expect(page.contains("␛[31m␀"))
    let output = try #require(root.all(named: "pre").last)
    #expect(output.textContent == "<script>alert(1)</script> & \"q\" 'a' ␛[31m␀\n")
  }

  @Test("an error's text is escaped too, and an unexpected error is not marked expected")
  func errorEscaped() throws {
    let text = "```swift cell=x\nf()\n```\n"
    let run = CellRun(
      cellID: "x", output: "", ending: .threw(type: "E", description: "<img src=x>"),
      simulatedTime: .zero, failure: "cell 'x' threw E: <img src=x>")
    let page = try H.render(text, [run])
    #expect(page.contains("<div class=\"error\"><p class=\"label\">Error</p>"))
    #expect(page.contains("<pre>E: &lt;img src=x&gt;</pre>"))
    #expect(!page.contains("(expected)"))
    #expect(!page.contains("class=\"error expected\""))
    #expect(!page.contains("class=\"output\""))
  }

  @Test("an empty output says so")
  func emptyOutput() throws {
    let page = try H.render("```swift cell=x\nf()\n```\n", [H.run("x", "", seconds: 1.5)])
    #expect(page.contains("<span class=\"time\">1.5 s</span>"))
    #expect(page.contains("<p class=\"empty\">(no output)</p>"))
  }

  @Test("raw HTML in prose is omitted in safe mode and kept when allowed")
  func rawHTML() throws {
    let text = "Para <b>bold</b>.\n\n<div class=\"x\">block</div>\n\n[x](javascript:alert(1))\n"
    let safe = try H.render(text, [])
    #expect(!safe.contains("<b>"))
    #expect(!safe.contains("<div class=\"x\">"))
    #expect(!safe.contains("javascript:"))
    #expect(safe.contains("<!-- raw HTML omitted -->"))
    _ = try H.parse(safe)
    let unsafe = try H.render(text, [], options: HTMLOptions(allowsRawHTML: true))
    #expect(unsafe.contains("<b>bold</b>"))
    #expect(unsafe.contains("<div class=\"x\">block</div>"))
    _ = try H.parse(unsafe)
  }

  @Test("cmark writes Carnet's cell HTML as is, in safe mode too")
  func customBlocksAreRawInSafeMode() {
    let document = MarkdownDocument.parse("a\n\n```x\ny\n```\n\n<div>z</div>\n")
    var rendered: [UInt8] = Array("before\n".utf8)
    document.renderHTML(safe: true, appendingTo: &rendered) { block in
      block.info == "x" ? Array("<div id=\"mine\">\(block.literal)</div>\n".utf8) : nil
    }
    #expect(
      String(decoding: rendered, as: UTF8.self)
        == "before\n<p>a</p>\n<div id=\"mine\">y\n</div>\n<!-- raw HTML omitted -->\n")
    #expect(document.firstHeading == nil)
  }

  @Test("non-ASCII text is intact everywhere")
  func nonASCII() throws {
    let text = "# Été 🇫🇷\n\nÇa marche : « déjà » — 日本語.\n\n```swift cell=x\nprint(\"naïve\")\n```\n"
    let page = try H.render(text, [H.run("x", "naïve 👋🏽\n")])
    for fragment in ["<title>Été 🇫🇷</title>", "« déjà » — 日本語", "naïve 👋🏽", "&quot;naïve&quot;"] {
      #expect(page.contains(fragment), "missing \(fragment)")
    }
    _ = try H.parse(page)
  }

  @Test("the language comes from the option, else the front matter, else en")
  func language() throws {
    let text = "---\ntitle: x\nlang: fr\n---\n# Titre\n\n```swift cell=x\nf()\n```\n"
    let french = try H.render(text, [H.run("x", "")])
    #expect(french.contains("<html lang=\"fr\">"))
    #expect(french.contains("<p class=\"label\">Sortie <span class=\"time\">0.0 s</span></p>"))
    #expect(french.contains("(aucune sortie)"))
    let forced = try H.render(text, [H.run("x", "")], options: HTMLOptions(language: "de-CH"))
    #expect(forced.contains("<html lang=\"de-CH\">"))
    #expect(forced.contains("Output"))
    let bad = try H.render(text, [H.run("x", "")], options: HTMLOptions(language: "\"><x"))
    #expect(bad.contains("<html lang=\"fr\">"))
    let none = try H.render("# T\n", [])
    #expect(none.contains("<html lang=\"en\">"))
  }

  @Test("front matter is not shown, and cells after it are still found")
  func frontMatterHidden() throws {
    let text =
      "---\r\nlang: 'fr-CA' # Canada\r\nauthor: A\r\n---\r\nTexte.\r\n\r\n"
      + "```swift cell=x\r\nf()\r\n```\r\n"
    let page = try H.render(text, [H.run("x", "ok\n")])
    #expect(page.contains("<html lang=\"fr-CA\">"))
    #expect(!page.contains("author"))
    #expect(!page.contains("<hr />"))
    #expect(!page.contains("<h2"))
    #expect(page.contains("<div class=\"cell\" id=\"cell-x\">"))
    #expect(page.contains("<pre>ok\n</pre>"))
    #expect(page.contains("<title>t</title>"))
  }

  @Test("a lone --- line is a rule, not front matter")
  func unclosedFrontMatter() throws {
    let page = try H.render("---\nlang: fr\n\nText\n", [])
    #expect(page.contains("<html lang=\"en\">"))
    #expect(page.contains("<hr />"))
  }

  @Test("the title is the first heading's plain text, else the lesson's name")
  func title() throws {
    let page = try H.render("Intro\n\n## A *b* `c` <i>d</i>\n\n# Later\n", [])
    #expect(page.contains("<title>A b c d</title>"))
    #expect(try H.render("No heading\n", []).contains("<title>t</title>"))
    #expect(try H.render("# <&>\n", []).contains("<title>&lt;&amp;&gt;</title>"))
  }

  @Test("a timeline is drawn for cells with several tasks, or timeline=true; never with false")
  func timelineRules() throws {
    let text = """
      ```swift cell=many
      f()
      ```

      ```swift cell=one
      f()
      ```

      ```swift cell=asked timeline=true
      f()
      ```

      ```swift cell=off timeline=false
      f()
      ```

      ```swift cell=none
      f()
      ```
      """
    let many = H.timeline(lanes: 3)
    let one = H.timeline(lanes: 1)
    let runs = [
      H.run("many", "", timeline: many), H.run("one", "", timeline: one),
      H.run("asked", "", timeline: one), H.run("off", "", timeline: many),
      H.run("none", ""),
    ]
    let root = try H.parse(try H.render(text, runs))
    let cells = root.all { $0.attributes["class"] == "cell" }
    #expect(cells.map { $0.all(named: "figure").count } == [1, 0, 1, 0, 0])
    let svg = try #require(cells[0].all(named: "svg").first)
    #expect(svg.attributes["class"] == "timeline-chart wide")
    #expect(svg.attributes["role"] == "img")
    #expect(svg.attributes["aria-label"] == "3 tasks, 2.0 s")
    #expect(
      svg.all { $0.attributes["class"]?.hasPrefix("lane") == true && $0.name == "g" }.count
        == 3)
    let caption = try #require(cells[0].all(named: "figcaption").first)
    #expect(caption.textContent.contains("sleeping"))
  }

  @Test("only a cell with concurrency to show gets a timeline: not one that prints or sleeps")
  func timelineOnlyForConcurrency() throws {
    let ids = ["prints", "sleeps", "actor", "children", "instant"]
    let text = ids.map { "```swift cell=\($0)\nf()\n```\n" }.joined(separator: "\n")
    let runs = [
      CellTestSupport.run("prints") { CellTestSupport.say("bonjour") },
      CellTestSupport.run("sleeps") { try await CellTestSupport.nap(.seconds(1)) },
      CellTestSupport.run("actor") {
        let box = HTMLTestActor()
        await box.wait(.seconds(1))
        await box.wait(.seconds(1))
      },
      CellTestSupport.run("children") {
        async let first: Void = CellTestSupport.nap(.seconds(1))
        async let second: Void = CellTestSupport.nap(.seconds(2))
        _ = try await (first, second)
      },
      CellTestSupport.run("instant") {
        async let first = 1
        async let second = 2
        _ = await first + second
      },
    ]
    #expect(runs.allSatisfy { $0.timeline != nil })
    let root = try H.parse(try H.render(text, runs))
    let cells = root.all { $0.attributes["class"] == "cell" }
    #expect(cells.map { $0.all(named: "figure").count } == [0, 0, 0, 1, 0])
  }

  @Test("the legend explains a cancelled sleep, in the page's language, with its own swatch")
  func legendOfACancelledSleep() throws {
    let lanes: [TaskTimeline.Lane] = [
      .init(name: nil, created: .zero, ended: .seconds(2), finished: true, runs: [.zero]),
      .init(
        name: nil, created: .zero, ended: .seconds(1), finished: true, cancelled: .seconds(1),
        sleeps: [.init(start: .zero, end: .seconds(1), wasCancelled: true)]),
    ]
    let run = H.run("x", "", timeline: TaskTimeline(lanes: lanes, duration: .seconds(2)))
    var options = HTMLOptions()
    options.language = "fr"
    let root = try H.parse(try H.render("```swift cell=x\nf()\n```\n", [run], options: options))
    let caption = try #require(root.all(named: "figcaption").first)
    let keys = caption.all { $0.attributes["class"] == "key" }
    #expect(
      keys.map(\.textContent) == ["veille annulée", "en attente", "exécution", "annulée"])
    #expect(
      keys.first?.all(named: "span").first?.attributes["class"]
        == "swatch swatch-sleep-cancelled")
    #expect(HTMLStyle.css.contains(".timeline .swatch-sleep-cancelled {"))
  }

  @Test("a timeline is drawn wide and narrow; the style shows the narrow one on a phone only")
  func timelineForEveryWidth() throws {
    let run = H.run("x", "", timeline: H.timeline(lanes: 2))
    let root = try H.parse(try H.render("```swift cell=x\nf()\n```\n", [run]))
    let figure = try #require(root.all(named: "figure").first)
    let charts = figure.all(named: "svg")
    #expect(
      charts.map { $0.attributes["class"] } == ["timeline-chart wide", "timeline-chart narrow"])
    #expect(charts.map { $0.attributes["viewBox"] } == ["0 0 640 130", "0 0 360 130"])
    #expect(charts.map { $0.attributes["aria-label"] } == ["2 tasks, 2.0 s", "2 tasks, 2.0 s"])
    let css = HTMLStyle.css
    let phone = try #require(css.range(of: "@media (max-width: 40rem) {"))
    let print = try #require(css.range(of: "@media print {"))
    let hiddenByDefault = try #require(css.range(of: ".timeline-chart.narrow { display: none;"))
    let shownOnAPhone = try #require(css.range(of: ".timeline-chart.narrow { display: block; }"))
    let wideInPrint = try #require(
      css.range(
        of: ".timeline-chart.wide { display: block; }", range: print.upperBound..<css.endIndex))
    #expect(hiddenByDefault.lowerBound < phone.lowerBound)
    #expect(
      phone.upperBound < shownOnAPhone.lowerBound && shownOnAPhone.upperBound < print.lowerBound)
    #expect(
      css[phone.upperBound..<print.lowerBound].contains(".timeline-chart.wide { display: none; }"))
    #expect(wideInPrint.lowerBound > print.upperBound)
  }

  @Test("5,000 cells in a large lesson render in one pass, quickly")
  func manyCells() throws {
    let count = 5_000
    let prose = String(repeating: "Du texte en prose, é ü ☕️, avec `du code`. ", count: 20)
    let text = (0..<count).map { "\(prose)\n\n```swift cell=c\($0)\nf(\($0))\n```\n\n" }
      .joined()
    #expect(text.utf8.count > 5_000_000)
    let notebook = try NotebookParser.parse(text: text, path: "big.md")
    let runs = (0..<count).map { H.run("c", "line \($0)\n", timeline: H.timeline(lanes: 2)) }
    let clock = ContinuousClock()
    var page = ""
    let elapsed = clock.measure { page = HTMLRenderer.render(notebook, runs: runs) }
    #expect(elapsed < .seconds(20), "took \(elapsed)")
    #expect(page.components(separatedBy: "<figure class=\"timeline\">").count == count + 1)
    #expect(page.contains("<pre>line 4999\n</pre>"))
  }

  @Test("a run count different from the cell count is a programming error")
  func runCountMismatch() async {
    await #expect(processExitsWith: .failure) {
      guard
        let notebook = try? NotebookParser.parse(text: "```swift cell=a\nf()\n```\n", path: "t.md")
      else { return }
      _ = HTMLRenderer.render(notebook, runs: [])
    }
  }
}

/// Builds lessons and runs for the HTML tests, and reads pages back as XML.
enum HTMLTestSupport {
  /// Parses `text` as lesson `t.md` and renders it.
  static func render(
    _ text: String, _ runs: [CellRun], options: HTMLOptions = HTMLOptions()
  ) throws -> String {
    let notebook = try NotebookParser.parse(text: text, path: "t.md")
    return HTMLRenderer.render(notebook, runs: runs, options: options)
  }

  /// A run that returned after `seconds`.
  static func run(
    _ id: String, _ output: String, seconds: Double = 0, timeline: TaskTimeline? = nil
  ) -> CellRun {
    CellRun(
      cellID: id, output: output, ending: .returned, simulatedTime: .seconds(seconds),
      timeline: timeline)
  }

  /// A 2 s timeline: `main` waits, each other lane sleeps from 0 to 1 s.
  static func timeline(lanes: Int) -> TaskTimeline {
    let main = TaskTimeline.Lane(
      name: "main", created: .zero, ended: .seconds(2), finished: true, runs: [.zero, .seconds(2)])
    let others = (1..<max(1, lanes)).map {
      TaskTimeline.Lane(
        name: "task \($0 + 1)", created: .zero, ended: .seconds(1), finished: true,
        runs: [.zero, .seconds(1)], sleeps: [.init(start: .zero, end: .seconds(1))])
    }
    return TaskTimeline(lanes: [main] + others, duration: .seconds(2))
  }

  /// Parses a page (or a fragment with one root) as XML; fails with the parser's error.
  static func parse(_ xml: String) throws -> PageNode {
    let parser = XMLParser(data: Data(xml.utf8))
    let builder = PageTreeBuilder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root.children.first else {
      throw XMLFailure(
        description:
          "not well-formed at line \(parser.lineNumber): \(String(describing: parser.parserError))")
    }
    return root
  }
}

/// Why a page is not well-formed.
struct XMLFailure: Error, CustomStringConvertible {
  var description: String
}

/// An element read back from a page.
final class PageNode {
  let name: String
  let attributes: [String: String]
  var children: [PageNode] = []
  /// The element's text, its descendants' included, in document order.
  var textContent = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Every descendant element satisfying `predicate`, in document order.
  func all(where predicate: (PageNode) -> Bool) -> [PageNode] {
    var found: [PageNode] = []
    for child in children {
      if predicate(child) { found.append(child) }
      found += child.all(where: predicate)
    }
    return found
  }

  /// Every descendant element named `name`.
  func all(named name: String) -> [PageNode] { all { $0.name == name } }
}

/// Builds `PageNode`s from parser events.
private final class PageTreeBuilder: NSObject, XMLParserDelegate {
  let root = PageNode(name: "#document", attributes: [:])
  private var stack: [PageNode] = []

  override init() {
    super.init()
    stack = [root]
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    let node = PageNode(name: elementName, attributes: attributes)
    stack.last?.children.append(node)
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    for node in stack { node.textContent += string }
  }
}

/// An actor whose method counts, then sleeps: calling it makes the loop run the actor's jobs.
private actor HTMLTestActor {
  private var calls = 0

  func wait(_ duration: Duration) async {
    calls += 1
    try? await CellTestSupport.nap(duration)
  }
}

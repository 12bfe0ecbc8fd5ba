import Foundation
import Testing

@testable import CarnetDocument
@testable import CarnetRendering
@testable import CarnetRuntime

@Suite("Rendering: BookIndex and book navigation")
struct BookIndexTests {
  private typealias H = HTMLTestSupport

  private static let entries = [
    BookEntry(name: "intro", title: "Introduction"),
    BookEntry(name: "taches", title: "Les tâches <&> \"async\""),
    BookEntry(name: "fin", title: "Conclusion"),
  ]

  private static let contents = PageLink(href: "index.html", title: "Cours <Swift> & co")

  private static let lesson = "# Les tâches\n\nTexte.\n\n```swift cell=a\nprint(1)\n```\n"

  private static func page(
    at index: Int, language: String? = nil, text: String = lesson
  ) throws -> String {
    let navigation = PageNavigation(entries: entries, at: index, contents: contents)
    return try H.render(
      text, [H.run("a", "1\n")], options: HTMLOptions(language: language, navigation: navigation))
  }

  // MARK: - Contents page

  @Test("the contents page is well-formed XML: the course title, then a link per lesson")
  func contentsPage() throws {
    let page = BookIndex.html(title: "Cours <Swift> & co", language: "fr", entries: Self.entries)
    let root = try H.parse(page)
    #expect(root.attributes["lang"] == "fr")
    #expect(root.all(named: "title").first?.textContent == "Cours <Swift> & co")
    #expect(root.all(named: "h1").map(\.textContent) == ["Cours <Swift> & co"])
    let list = try #require(root.all(named: "ol").first)
    #expect(list.attributes["class"] == "book-index")
    let links = list.all(named: "a")
    #expect(links.map { $0.attributes["href"] } == ["intro.html", "taches.html", "fin.html"])
    #expect(
      links.map(\.textContent) == ["Introduction", "Les tâches <&> \"async\"", "Conclusion"])
    #expect(page.contains("<h1>Cours &lt;Swift&gt; &amp; co</h1>"))
    #expect(page.contains("Les tâches &lt;&amp;&gt; &quot;async&quot;"))
    #expect(page.contains(HTMLStyle.css) && page.contains(".book-index"))
    for forbidden in ["<script", "href=\"http", "src=", "<link", "url("] {
      #expect(!page.contains(forbidden), "found \(forbidden)")
    }
  }

  @Test("the contents page's language falls back to en; an empty course is a valid page")
  func contentsLanguage() throws {
    let page = BookIndex.html(title: "T", language: "\"><x", entries: [])
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(try H.parse(page).all(named: "li").isEmpty)
  }

  @Test("file names become percent-encoded relative links")
  func hrefs() throws {
    let entry = BookEntry(name: "mon cours#1", title: "Un")
    #expect(entry.htmlFile == "mon cours#1.html")
    #expect(entry.markdownFile == "mon cours#1.md")
    #expect(entry.htmlHref == "mon%20cours%231.html")
    #expect(entry.markdownHref == "mon%20cours%231.md")
    #expect(RelativeURL.reference(toFile: "a:b/é(1)?&.html") == "a%3Ab/%C3%A9%281%29%3F%26.html")
    let page = BookIndex.html(title: "T", language: "en", entries: [entry])
    #expect(try H.parse(page).all(named: "a").first?.attributes["href"] == "mon%20cours%231.html")
  }

  @Test("the Markdown contents: # Title, then a numbered link per lesson, titles escaped")
  func markdownIndex() {
    let markdown = BookIndex.markdown(title: "Cours <Swift> & co #1", entries: Self.entries)
    RenderFixture.expectSameBytes(
      markdown,
      ##"""
      # Cours \<Swift\> \& co \#1

      1. [Introduction](intro.md)
      2. [Les tâches \<\&\> "async"](taches.md)
      3. [Conclusion](fin.md)

      """##)
    let odd = BookEntry(name: "a b", title: "*[x](y)* `z` $m$\nnext")
    RenderFixture.expectSameBytes(
      BookIndex.markdown(title: "T", entries: [odd]),
      "# T\n\n1. [\\*\\[x\\](y)\\* \\`z\\` \\$m\\$ next](a%20b.md)\n")
    #expect(BookIndex.markdown(title: "Vide", entries: []) == "# Vide\n")
  }

  @Test("the Markdown contents reads back as the same titles and links")
  func markdownReadsBack() throws {
    let markdown = BookIndex.markdown(title: "Cours <Swift> & co", entries: Self.entries)
    let html = MarkdownDocument.parse(markdown).renderHTML(safe: true)
    #expect(html.contains("<h1>Cours &lt;Swift&gt; &amp; co</h1>"))
    #expect(html.contains("<a href=\"taches.md\">Les tâches &lt;&amp;&gt; &quot;async&quot;</a>"))
    #expect(html.components(separatedBy: "<li>").count == 4)
  }

  // MARK: - Lesson titles

  @Test("a lesson's title is its first heading's plain text, else its name")
  func titles() throws {
    let parse = { (text: String) in try NotebookParser.parse(text: text, path: "Notebooks/x.md") }
    #expect(try parse("Intro\n\n## A *b* `c` <i>d</i>\n\n# Later\n").title == "A b c d")
    #expect(try parse("No heading\n").title == "x")
    #expect(try parse("#\n\nText\n").title == "x")
    #expect(try parse("---\nlang: fr\n---\nTexte\n\n# Titre\n").title == "Titre")
    #expect(try parse("- item\n\n  Setext\n  ======\n").title == "Setext")
    #expect(try parse("```swift cell=a\n# not a heading\n```\n").title == "x")
    let entry = BookEntry(notebook: try parse("# Bonjour <&>\n"))
    #expect(entry == BookEntry(name: "x", title: "Bonjour <&>"))
  }

  @Test("a lesson's title is its page's <title>")
  func titleMatchesPage() throws {
    for text in ["# A *b*\n", "---\nlang: fr\n---\nT\n", "Intro\n\nSetext\n===\n", ""] {
      let notebook = try NotebookParser.parse(text: text, path: "t.md")
      let page = HTMLRenderer.render(notebook, runs: [])
      #expect(try H.parse(page).all(named: "title").first?.textContent == notebook.title)
    }
  }

  // MARK: - Navigation

  @Test("a middle lesson links to the contents and to both neighbours, above and below")
  func middle() throws {
    let root = try H.parse(try Self.page(at: 1))
    let body = try #require(root.children.first { $0.name == "body" })
    #expect(body.children.map(\.name) == ["nav", "main", "nav"])
    #expect(
      body.children.map { $0.attributes["class"] } == [
        "book book-top", "lesson", "book book-bottom",
      ])
    for nav in root.all(named: "nav") {
      #expect(nav.attributes["aria-label"] == "Course navigation")
      let links = nav.all(named: "a")
      #expect(
        links.map { $0.attributes["class"] } == ["book-previous", "book-contents", "book-next"])
      #expect(links.map { $0.attributes["href"] } == ["intro.html", "index.html", "fin.html"])
      #expect(links.map { $0.attributes["rel"] } == ["prev", nil, "next"])
      #expect(
        links.map(\.textContent) == [
          "« Previous Introduction", "Contents Cours <Swift> & co", "Next » Conclusion",
        ])
    }
    #expect(root.all(named: "main").first?.all(named: "nav").isEmpty == true)
  }

  @Test("the first lesson has no previous link, the last no next link")
  func ends() throws {
    let first = try H.parse(try Self.page(at: 0))
    for nav in first.all(named: "nav") {
      #expect(nav.all(named: "a").map { $0.attributes["class"] } == ["book-contents", "book-next"])
      #expect(nav.all(named: "a").last?.attributes["href"] == "taches.html")
      #expect(nav.textContent.contains("Les tâches <&> \"async\""))
    }
    let last = try H.parse(try Self.page(at: 2))
    for nav in last.all(named: "nav") {
      #expect(
        nav.all(named: "a").map { $0.attributes["class"] } == ["book-previous", "book-contents"])
      #expect(nav.all(named: "a").first?.attributes["href"] == "taches.html")
    }
    let alone = PageNavigation(entries: [Self.entries[0]], at: 0, contents: Self.contents)
    #expect(alone == PageNavigation(contents: Self.contents))
  }

  @Test("the navigation's words follow the page's language, and titles are escaped")
  func languages() throws {
    let french = try Self.page(at: 1, text: "---\nlang: fr\n---\n" + Self.lesson)
    let nav = try #require(try H.parse(french).all(named: "nav").first)
    #expect(nav.attributes["aria-label"] == "Navigation du cours")
    #expect(
      nav.all(named: "a").map(\.textContent) == [
        "« Précédent Introduction", "Sommaire Cours <Swift> & co", "Suivant » Conclusion",
      ])
    #expect(french.contains("<span class=\"book-title\">Cours &lt;Swift&gt; &amp; co</span>"))
    let forced = try Self.page(at: 1, language: "fr-CA")
    #expect(forced.contains(">Sommaire</span>"))
    let german = try Self.page(at: 1, language: "de")
    #expect(german.contains(">Contents</span>"))
  }

  @Test("without navigation the page is unchanged: navigation only adds its bars and style")
  func withoutNavigation() throws {
    let runs = [H.run("a", "1\n")]
    let plain = try H.render(Self.lesson, runs)
    #expect(plain == (try H.render(Self.lesson, runs, options: HTMLOptions(navigation: nil))))
    #expect(!plain.contains("<nav") && !plain.contains("book"))
    var stripped = try Self.page(at: 1)
    stripped = stripped.replacingOccurrences(of: HTMLStyle.bookCSS, with: "")
    for position in [HTMLNavigation.Position.top, .bottom] {
      let navigation = PageNavigation(entries: Self.entries, at: 1, contents: Self.contents)
      let bar = HTMLNavigation(navigation: navigation, strings: PageStrings(language: "en"))
      stripped = stripped.replacingOccurrences(of: bar.html(at: position), with: "")
    }
    RenderFixture.expectSameBytes(stripped, plain)
  }

  @Test("the navigation's style wraps on a phone, breaks long titles and is not printed")
  func style() {
    let css = HTMLStyle.bookCSS
    #expect(css.contains("@media (max-width: 40rem)"))
    #expect(css.contains("overflow-wrap: anywhere"))
    #expect(css.contains("minmax(0, 1fr)"))
    #expect(css.contains("@media print {\n  .book { display: none; }"))
    #expect(!css.contains("<") && !css.contains("&"))
  }
}

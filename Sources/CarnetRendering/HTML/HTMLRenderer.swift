import CarnetDocument
import CarnetRuntime

/// Options of `HTMLRenderer`.
public struct HTMLOptions: Sendable {
  /// Whether raw HTML written in the lesson's prose is kept. When false (the default), cmark's
  /// safe mode omits it (leaving an HTML comment) and drops dangerous links (`javascript:`).
  public var allowsRawHTML: Bool = false
  /// The page's language (`<html lang>`, and the words Carnet adds: `fr` gives French). When
  /// nil or not a well-formed language tag, the lesson's front matter (`lang: fr`) decides,
  /// else English (`en`).
  public var language: String? = nil
  /// Links to the contents page and to the lessons before and after this one, shown at the top
  /// and the bottom of the page when the lesson is part of a book. Without it (the default),
  /// the page has no navigation and no style for it.
  package var navigation: PageNavigation? = nil

  /// The default options: safe mode, the lesson's language, no navigation.
  public init() {}

  /// Creates options.
  package init(
    allowsRawHTML: Bool = false, language: String? = nil, navigation: PageNavigation? = nil
  ) {
    self.allowsRawHTML = allowsRawHTML
    self.language = language
    self.navigation = navigation
  }
}

/// Writes a rendered lesson as one self-contained HTML page (`Output/NAME.html`).
///
/// The lesson's Markdown is rendered by cmark; each cell's fenced block becomes Carnet's own
/// HTML (`HTMLCell`): its Swift code, highlighted (unless `hide=code`), its output, its error,
/// and its task timeline as an inline SVG chart (for cells with more than one task, or
/// `timeline=true`; never with `timeline=false`). Untagged `swift` blocks in the prose are
/// highlighted too. The page has its styles inline and needs no network access nor
/// JavaScript; it is also well-formed XML. A YAML front matter at the start of the lesson is
/// not shown. With `HTMLOptions.navigation`, the page of a book's lesson also has a
/// `<nav class="book">` above and below the lesson, linking to the contents and the neighbours.
package enum HTMLRenderer {
  /// Renders `notebook` with `runs[i]` shown under `notebook.cells[i]`.
  /// - Precondition: `runs.count == notebook.cells.count`.
  package static func render(
    _ notebook: Notebook, runs: [CellRun], options: HTMLOptions = HTMLOptions()
  ) -> String {
    String(decoding: renderUTF8(notebook, runs: runs, options: options), as: UTF8.self)
  }

  /// `render(_:runs:options:)` as the UTF-8 bytes written to the file (a long lesson's page is
  /// not copied into a String).
  ///
  /// Runs in time linear in the size of the text and the outputs: it renders the tree of the
  /// notebook's one cmark parse (`Notebook.markdown`), without parsing again.
  /// - Precondition: `runs.count == notebook.cells.count`.
  package static func renderUTF8(
    _ notebook: Notebook, runs: [CellRun], options: HTMLOptions = HTMLOptions()
  ) -> [UInt8] {
    precondition(
      runs.count == notebook.cells.count,
      "\(notebook.cells.count) cells but \(runs.count) runs for \(notebook.path)")
    let markdown = notebook.markdown
    let language = language(options: options, frontMatter: markdown.frontMatter)
    let strings = PageStrings(language: language)
    var cellAtLine: [Int: Int] = [:]
    for (index, cell) in notebook.cells.enumerated() { cellAtLine[cell.location.line] = index }
    // Each cell's HTML (highlighted code, output, timeline charts) depends on the cell alone.
    var cellsHTML = ConcurrentMap.map(Array(zip(notebook.cells, runs))) { cell, run in
      HTMLCell.html(cell: cell, run: run, anchor: "cell-\(cell.id)", strings: strings)
    }
    let safe = !options.allowsRawHTML
    func html(of block: CodeBlockInRender) -> [UInt8]? {
      if let index = cellAtLine[block.startLine] {
        // Handed over once (cmark copies it): freed as the page is built, not at its end.
        defer { cellsHTML[index] = [] }
        return cellsHTML[index]
      }
      guard block.info.split(separator: " ").first == "swift" else { return nil }
      let code = block.literal
      var out = HTMLBuffer()
      HTMLCell.appendCode(code, to: &out)
      return out.bytes
    }
    // cmark writes the lesson's HTML straight into the page, each cell's HTML in its place.
    func body(_ page: inout HTMLBuffer) {
      page.markup { bytes in
        markdown.renderHTML(safe: safe, appendingTo: &bytes, replacingCodeBlocks: html(of:))
      }
    }
    var bodySize = notebook.utf8.count * 5 / 4
    for cellHTML in cellsHTML { bodySize += cellHTML.count }
    let title = notebook.title
    guard let navigation = options.navigation else {
      return HTMLPage.page(title: title, language: language, bodySize: bodySize, body: body)
    }
    let links = HTMLNavigation(navigation: navigation, strings: strings)
    return HTMLPage.page(
      title: title, language: language, bodySize: bodySize, header: links.html(at: .top),
      footer: links.html(at: .bottom), extraStyle: HTMLStyle.bookCSS, body: body)
  }

  /// The page's language: the option's, else the front matter's, else `en`.
  package static func language(options: HTMLOptions, frontMatter: FrontMatter?) -> String {
    if let language = options.language, FrontMatter.isLanguageTag(language) { return language }
    return frontMatter?.language ?? "en"
  }
}

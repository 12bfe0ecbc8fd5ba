import CCmark
import Dispatch
import Synchronization

/// The only place that talks to cmark: it parses a lesson once, copies what the lesson parser
/// needs into Swift values, and keeps the tree for rendering in a `MarkdownDocument`, which
/// frees it. No C type leaves this file.
package enum Cmark {
  /// Every fenced code block in a Markdown text, at any depth, in document order.
  ///
  /// cmark reads a NUL byte as U+FFFD (3 bytes), which shifts the columns after it: reject texts
  /// with NUL bytes first, as `NotebookParser` does.
  static func fencedCodeBlocks(in text: String) -> [FencedCodeBlock] {
    parse(text).fencedCodeBlocks(in: TextLines(Array(text.utf8)))
  }

  /// Parses a lesson's text once, its front matter blanked: the document, kept for rendering,
  /// and what the lesson parser reads from it (every code block, fenced or indented, and the
  /// lines on which some block starts), which the document does not keep.
  static func parse(_ text: String) -> CmarkParse {
    let frontMatter = FrontMatter.parse(text)
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
      preconditionFailure("cmark could not allocate a parser")
    }
    defer { cmark_parser_free(parser) }
    var rest = text.utf8[...]
    if let frontMatter {
      feed(parser, frontMatter.blankedLines(of: text)[...])
      rest = rest.dropFirst(frontMatter.end)
    }
    feed(parser, rest)
    guard let root = cmark_parser_finish(parser) else {
      preconditionFailure("cmark could not allocate a document")
    }
    let walk = BlockWalk(root)
    let document = MarkdownDocument(
      tree: CmarkTree(root: root, codeBlocks: walk.codeBlocks), frontMatter: frontMatter,
      firstHeading: walk.firstHeading.map(plainText(of:)))
    return CmarkParse(
      document: document, codeBlocks: walk.codeBlocks.map(codeBlock),
      blockStartLines: walk.blockStartLines)
  }

  /// `parse(text)` on a thread of its own, or nil when it has not finished within `timeLimit`:
  /// cmark 0.30 takes time quadratic in the length of some inputs (runs of image openers `![`
  /// for one), and cannot be interrupted. A parse that is given up keeps its thread busy until
  /// it ends (or the process does), then frees what it made.
  /// `meanwhile` runs on the calling thread while cmark parses.
  static func parse(
    _ text: String, timeLimit: Duration, meanwhile: () -> Void = {}
  ) -> CmarkParse? {
    let (seconds, attoseconds) = timeLimit.components
    let nanoseconds =
      min(max(0, seconds), 1 << 32) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
    let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: nanoseconds))
    let box = ParseBox()
    let done = DispatchSemaphore(value: 0)
    // A queue of its own (serial, so overcommitting): it gets a thread even when parses given
    // up hold the shared ones.
    DispatchQueue(label: "carnet.cmark-parse").async {
      let parse = Cmark.parse(text)
      box.result.withLock { $0 = parse }
      done.signal()
    }
    meanwhile()
    guard done.wait(timeout: deadline) == .success else { return nil }
    return box.result.withLock { $0.take() }
  }

  /// Where the parsing thread leaves its result, shared with the thread that waits for it.
  private final class ParseBox: Sendable {
    let result = Mutex<CmarkParse?>(nil)
  }

  /// Feeds UTF-8 bytes to a parser, without copying them when they are contiguous.
  private static func feed<Bytes: Collection<UInt8>>(_ parser: OpaquePointer, _ bytes: Bytes) {
    let fed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress else { return }
        cmark_parser_feed(parser, base, chars.count)
      }
    }
    if fed == nil { feed(parser, Array(bytes)) }
  }

  /// What a walk of the block tree finds: the code blocks, the first heading, the lines on which
  /// blocks start. It visits containers' children only, never the inlines inside paragraphs
  /// and headings (most of the nodes), with an explicit stack for deep nesting.
  private struct BlockWalk {
    var codeBlocks: [OpaquePointer] = []
    var firstHeading: OpaquePointer?
    var blockStartLines: Set<Int> = []

    init(_ root: OpaquePointer) {
      var pending: [OpaquePointer] = []
      var child = cmark_node_first_child(root)
      while true {
        guard let node = child else {
          guard let next = pending.popLast() else { break }
          child = next
          continue
        }
        let type = cmark_node_get_type(node)
        blockStartLines.insert(Int(cmark_node_get_start_line(node)))
        if type == CMARK_NODE_CODE_BLOCK { codeBlocks.append(node) }
        if type == CMARK_NODE_HEADING, firstHeading == nil { firstHeading = node }
        let isContainer =
          type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM
          || type == CMARK_NODE_CUSTOM_BLOCK
        if isContainer, let first = cmark_node_first_child(node) {
          if let next = cmark_node_next(node) { pending.append(next) }
          child = first
        } else {
          child = cmark_node_next(node)
        }
      }
    }
  }

  /// The plain text of a heading: its text and code spans, a space for each line break, inline
  /// markup and raw HTML left out.
  private static func plainText(of heading: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(heading) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(node))
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
      default: break
      }
    }
    return text
  }

  /// Renders a tree as HTML, letting `replacement` replace any code block by its own HTML (see
  /// `MarkdownDocument.renderHTML(safe:replacingCodeBlocks:)`), and puts the tree back as it was.
  fileprivate static func renderHTML(
    _ tree: borrowing CmarkTree, safe: Bool,
    replacingCodeBlocks replacement: (CmarkCodeBlock) -> String?
  ) -> String {
    // Since cmark 0.29, safe rendering is the default and CMARK_OPT_UNSAFE turns it off.
    let options = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
    var replaced: [(block: OpaquePointer, custom: OpaquePointer)] = []
    defer {
      for (block, custom) in replaced {
        cmark_node_replace(custom, block)
        cmark_node_free(custom)
      }
    }
    for block in tree.codeBlocks {
      guard let html = replacement(codeBlock(block)) else { continue }
      if let custom = customBlock(replacing: block, html: html) { replaced.append((block, custom)) }
    }
    guard let html = cmark_render_html(tree.root, options) else { return "" }
    defer { cmark_get_default_mem_allocator().pointee.free(html) }
    return String(cString: html)
  }

  /// Puts in place of `node` a custom block whose HTML is `html` (cmark writes it as is, in safe
  /// mode too), leaving `node` out of the tree but not freed; nil when cmark refuses.
  private static func customBlock(replacing node: OpaquePointer, html: String) -> OpaquePointer? {
    guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
    guard cmark_node_set_on_enter(custom, html) == 1, cmark_node_replace(node, custom) == 1 else {
      cmark_node_free(custom)
      return nil
    }
    return custom
  }

  private static func codeBlock(_ node: OpaquePointer) -> CmarkCodeBlock {
    CmarkCodeBlock(
      info: string(cmark_node_get_fence_info(node)),
      literal: string(cmark_node_get_literal(node)),
      startLine: Int(cmark_node_get_start_line(node)),
      startColumn: Int(cmark_node_get_start_column(node)),
      endLine: Int(cmark_node_get_end_line(node)),
      endColumn: Int(cmark_node_get_end_column(node)))
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}

/// cmark's tree of a document, with its code block nodes in document order; freed with it.
/// Unchecked: its nodes are only read or changed under its document's lock.
private struct CmarkTree: ~Copyable, @unchecked Sendable {
  let root: OpaquePointer
  let codeBlocks: [OpaquePointer]

  deinit { cmark_node_free(root) }
}

/// A lesson's Markdown, parsed once by cmark (`NotebookParser`, or `Notebook.init`): its front
/// matter, which is not Markdown, and cmark's tree of the rest (the front matter's lines left
/// blank, so that line numbers are the file's), kept to render the web page; and the plain text
/// of its first heading. Holds nothing else of the text: its memory is cmark's tree.
///
/// Rendering puts the tree back as it found it, under a lock: a document renders any number of
/// times, from any thread, one render at a time.
package final class MarkdownDocument: Sendable {
  private let tree: Mutex<CmarkTree>
  /// The front matter at the start of the text, if any.
  package let frontMatter: FrontMatter?
  /// The plain text of the document's first heading, at any depth (its text and code spans, line
  /// breaks as spaces, inline markup and raw HTML left out), or nil when it has none.
  package let firstHeading: String?

  fileprivate init(tree: consuming CmarkTree, frontMatter: FrontMatter?, firstHeading: String?) {
    self.tree = Mutex(tree)
    self.frontMatter = frontMatter
    self.firstHeading = firstHeading
  }

  /// Parses `text`, its front matter blanked.
  package static func parse(_ text: String) -> MarkdownDocument {
    Cmark.parse(text).document
  }

  /// The document as an HTML fragment (its blocks, one after the other), letting `replacement`
  /// replace any code block (fenced or indented) by its own HTML. That HTML goes into a cmark
  /// custom block, which cmark writes as is, in safe mode too; everything else is rendered by
  /// cmark. `safe` omits raw HTML and dangerous links (`javascript:` and the like), as cmark
  /// does by default. Linear in the size of the document.
  package func renderHTML(
    safe: Bool, replacingCodeBlocks replacement: (CmarkCodeBlock) -> String? = { _ in nil }
  ) -> String {
    tree.withLock { tree in
      Cmark.renderHTML(tree, safe: safe, replacingCodeBlocks: replacement)
    }
  }
}

/// What one parse of a lesson gives: the document, and what the lesson parser reads once.
struct CmarkParse: Sendable {
  /// The document, kept for rendering.
  var document: MarkdownDocument
  /// Every code block, fenced or indented, in document order.
  var codeBlocks: [CmarkCodeBlock]
  /// The lines on which a block (other than the document itself) starts.
  var blockStartLines: Set<Int>
}

/// A code block exactly as cmark reports it.
package struct CmarkCodeBlock: Hashable, Sendable {
  /// The info string (empty for indented blocks).
  package var info: String
  /// The code, with container prefixes and fence indentation removed; every line ends in `\n`.
  package var literal: String
  /// cmark's `start_line`: the opening fence's line (1-based).
  package var startLine: Int
  /// cmark's `start_column`: for a fenced block, the 1-based byte column of its first fence
  /// character; for an indented block, the column where its code starts.
  package var startColumn: Int
  /// cmark's `end_line`. For a fenced block: its closing fence's line; or, when a container
  /// ended first, the line that ended it; or, at the end of the document, the last line.
  package var endLine: Int
  /// cmark's `end_column`.
  package var endColumn: Int
}

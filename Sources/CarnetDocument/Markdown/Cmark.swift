import CCmark

/// The only place that talks to cmark: it parses or renders, copies what it needs into Swift
/// values, and frees every cmark object before returning. No C type leaves this file.
package enum Cmark {
  /// Every fenced code block in a Markdown text, at any depth, in document order.
  ///
  /// cmark reads a NUL byte as U+FFFD (3 bytes), which shifts the columns after it: reject texts
  /// with NUL bytes first, as `NotebookParser` does.
  static func fencedCodeBlocks(in text: String) -> [FencedCodeBlock] {
    fencedCodeBlocks(in: TextLines(Array(text.utf8)))
  }

  /// Every fenced code block in already split UTF-8 text, at any depth, in document order.
  static func fencedCodeBlocks(in lines: TextLines) -> [FencedCodeBlock] {
    let document = scan(lines.bytes)
    return document.codeBlocks.compactMap {
      FencedCodeBlock(cmark: $0, lines: lines, blockStartLines: document.blockStartLines)
    }
  }

  /// Renders a Markdown text as HTML. `safe` replaces raw HTML and dangerous links
  /// (`javascript:` and the like) by placeholders, as cmark does by default.
  package static func renderHTML(_ text: String, safe: Bool) -> String {
    // Since cmark 0.29, safe rendering is the default and CMARK_OPT_UNSAFE turns it off.
    let options = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
    let rendered: String? = withCString(Array(text.utf8)) { chars, count in
      guard let html = cmark_markdown_to_html(chars, count, options) else { return nil }
      defer { cmark_get_default_mem_allocator().pointee.free(html) }
      return String(cString: html)
    }
    return rendered ?? ""
  }

  /// Renders a Markdown text as an HTML fragment, letting `replacement` replace any code block
  /// (fenced or indented) by its own HTML. That HTML goes into a cmark custom block, which cmark
  /// writes as is, in safe mode too; everything else is rendered by cmark. `safe` omits raw
  /// HTML and dangerous links, as `renderHTML(_:safe:)` does. Also returns the plain text of
  /// the first heading, if any. One parse, one render: linear in the text's size.
  package static func renderHTML(
    _ text: String, safe: Bool, replacingCodeBlocks replacement: (CmarkCodeBlock) -> String?
  ) -> CmarkHTML {
    let options = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
    return withCString(Array(text.utf8)) { chars, count in
      guard let root = cmark_parse_document(chars, count, options) else {
        return CmarkHTML(body: "", firstHeading: nil)
      }
      defer { cmark_node_free(root) }
      let (codeBlocks, heading) = codeBlocksAndFirstHeading(root)
      for node in codeBlocks {
        if let html = replacement(codeBlock(node)) { replace(node, withRawHTML: html) }
      }
      guard let html = cmark_render_html(root, options) else {
        return CmarkHTML(body: "", firstHeading: heading)
      }
      defer { cmark_get_default_mem_allocator().pointee.free(html) }
      return CmarkHTML(body: String(cString: html), firstHeading: heading)
    }
  }

  /// Parses UTF-8 bytes with default options and copies out every code block (fenced or
  /// indented) and the lines on which some block starts.
  static func scan(_ bytes: [UInt8]) -> CmarkDocument {
    withCString(bytes) { chars, count in
      guard let root = cmark_parse_document(chars, count, CMARK_OPT_DEFAULT) else {
        return CmarkDocument(codeBlocks: [], blockStartLines: [])
      }
      defer { cmark_node_free(root) }
      return copy(root)
    }
  }

  /// Calls `body` with a pointer to the bytes (never null, even for no bytes) and their count,
  /// without copying them.
  private static func withCString<Result>(
    _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int) -> Result
  ) -> Result {
    guard !bytes.isEmpty else { return "".withCString { body($0, 0) } }
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress else { preconditionFailure("non-empty buffer") }
        return body(base, bytes.count)
      }
    }
  }

  /// Walks the block tree only (containers' children, never the inlines inside paragraphs and
  /// headings, which are most of the nodes), with an explicit stack for deep nesting.
  private static func copy(_ root: OpaquePointer) -> CmarkDocument {
    var document = CmarkDocument(codeBlocks: [], blockStartLines: [])
    var pending: [OpaquePointer] = []
    var child = cmark_node_first_child(root)
    while true {
      guard let node = child else {
        guard let next = pending.popLast() else { break }
        child = next
        continue
      }
      let type = cmark_node_get_type(node)
      document.blockStartLines.insert(Int(cmark_node_get_start_line(node)))
      if type == CMARK_NODE_CODE_BLOCK { document.codeBlocks.append(codeBlock(node)) }
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
    return document
  }

  /// The plain text of the first heading of a Markdown text, at any depth, or nil when it has
  /// none: its text and code spans, line breaks as spaces, inline markup and raw HTML left out
  /// (the heading `renderHTML(_:safe:replacingCodeBlocks:)` reports). One parse, and a walk
  /// that stops at the end of that heading.
  package static func firstHeading(in text: String) -> String? {
    withCString(Array(text.utf8)) { chars, count in
      guard let root = cmark_parse_document(chars, count, CMARK_OPT_DEFAULT),
        let iterator = cmark_iter_new(root)
      else { return nil }
      defer {
        cmark_iter_free(iterator)
        cmark_node_free(root)
      }
      var heading = FirstHeading()
      while heading.text == nil, case let event = cmark_iter_next(iterator),
        event != CMARK_EVENT_DONE
      {
        guard let node = cmark_iter_get_node(iterator) else { continue }
        heading.visit(node, event: event)
      }
      return heading.text
    }
  }

  /// The code block nodes of a document, and the plain text of its first heading.
  private static func codeBlocksAndFirstHeading(_ root: OpaquePointer)
    -> (codeBlocks: [OpaquePointer], heading: String?)
  {
    var codeBlocks: [OpaquePointer] = []
    var heading = FirstHeading()
    guard let iterator = cmark_iter_new(root) else { return ([], nil) }
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard let node = cmark_iter_get_node(iterator) else { continue }
      heading.visit(node, event: event)
      if event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
        codeBlocks.append(node)
      }
    }
    return (codeBlocks, heading.text)
  }

  /// Collects the plain text of the first heading from a cmark iterator's events: its text and
  /// code spans, and a space for each line break.
  private struct FirstHeading {
    /// The heading's text, once the iterator has left the first heading.
    private(set) var text: String?
    private var open: OpaquePointer?
    private var collected = ""

    mutating func visit(_ node: OpaquePointer, event: cmark_event_type) {
      guard text == nil else { return }
      if event == CMARK_EVENT_EXIT {
        if node == open { text = collected }
        return
      }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_HEADING where open == nil:
        open = node
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        if open != nil { collected += string(cmark_node_get_literal(node)) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        if open != nil { collected += " " }
      default:
        break
      }
    }
  }

  /// Replaces a node of the tree by a custom block whose HTML is `html`, and frees the node.
  private static func replace(_ node: OpaquePointer, withRawHTML html: String) {
    guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
    guard cmark_node_set_on_enter(custom, html) == 1, cmark_node_replace(node, custom) == 1
    else {
      cmark_node_free(custom)
      return
    }
    cmark_node_free(node)
  }

  private static func isBlock(_ type: cmark_node_type) -> Bool {
    type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue
      && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
  }

  private static func codeBlock(_ node: OpaquePointer) -> CmarkCodeBlock {
    return CmarkCodeBlock(
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

/// What cmark reports about one parsed document, copied into Swift values.
struct CmarkDocument: Hashable, Sendable {
  /// Every code block, fenced or indented, in document order.
  var codeBlocks: [CmarkCodeBlock]
  /// The lines on which a block (other than the document itself) starts.
  var blockStartLines: Set<Int>
}

/// A Markdown text rendered to HTML by cmark.
package struct CmarkHTML: Hashable, Sendable {
  /// The HTML fragment: the document's blocks, one after the other.
  package var body: String
  /// The plain text of the document's first heading (inline markup removed), if it has one.
  package var firstHeading: String?
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

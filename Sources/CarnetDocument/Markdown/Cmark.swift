import CCmark
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
  /// and what the lesson parser reads from it (the code blocks, fenced or indented, whose info
  /// string `keepsCodeBlock` accepts, and the lines on which some block starts), which the
  /// document does not keep.
  static func parse(
    _ text: String, keepingCodeBlocks keepsCodeBlock: CodeBlockFilter = { _ in true }
  ) -> CmarkParse {
    parse(utf8: text.utf8, keepingCodeBlocks: keepsCodeBlock)
  }

  /// `parse(_:)` of a text's UTF-8 bytes.
  static func parse<Bytes: Collection<UInt8>>(
    utf8 bytes: Bytes, keepingCodeBlocks keepsCodeBlock: CodeBlockFilter = { _ in true }
  ) -> CmarkParse {
    let arena = CmarkArena.make()
    return CmarkArena.using(arena) { parse(bytes, into: arena, keepingCodeBlocks: keepsCodeBlock) }
  }

  /// Whether the parse copies out a code block, given its info string's UTF-8 bytes: a lesson
  /// reads only the blocks that may be cells (most code blocks of a long text are not, and
  /// copying their code is most of what a parse gives).
  typealias CodeBlockFilter = @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

  /// `parse(utf8: bytes)`, cmark's memory coming from `arena`, the current one.
  private static func parse<Bytes: Collection<UInt8>>(
    _ bytes: Bytes, into arena: UnsafeMutablePointer<CmarkArena>,
    keepingCodeBlocks keepsCodeBlock: CodeBlockFilter
  ) -> CmarkParse {
    let frontMatter = FrontMatter.parse(utf8: bytes)
    guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, cmarkMemory) else {
      preconditionFailure("cmark could not allocate a parser")
    }
    defer { cmark_parser_free(parser) }
    var rest = bytes[...]
    if let frontMatter {
      feed(parser, frontMatter.blankedLines(ofUTF8: bytes)[...])
      rest = rest.dropFirst(frontMatter.end)
    }
    feed(parser, rest)
    guard let root = cmark_parser_finish(parser) else {
      preconditionFailure("cmark could not allocate a document")
    }
    let walk = BlockWalk(root)
    let document = MarkdownDocument(
      tree: CmarkTree(root: root, codeBlocks: walk.codeBlocks, arena: arena),
      frontMatter: frontMatter,
      firstHeading: walk.firstHeading.map(plainText(of:)))
    let kept = walk.codeBlocks.filter { node in
      guard let info = cmark_node_get_fence_info(node) else {
        return keepsCodeBlock(UnsafeBufferPointer(start: nil, count: 0))
      }
      let bytes = UnsafeRawPointer(info).assumingMemoryBound(to: UInt8.self)
      return keepsCodeBlock(UnsafeBufferPointer(start: bytes, count: strlen(info)))
    }
    return CmarkParse(
      document: document, codeBlocks: kept.map(codeBlock), blockStartLines: walk.blockStartLines)
  }

  /// `parse(utf8: bytes)` on a thread of its own, or nil when it has not finished within
  /// `timeLimit`: cmark 0.30 takes time quadratic in the length of some inputs (runs of image
  /// openers `![` for one), and cannot be interrupted. A parse that is given up keeps its thread
  /// busy until it ends (or the process does), then frees what it made.
  /// `meanwhile` runs on the calling thread while cmark parses; when it throws, the parse is
  /// given up and its error thrown.
  static func parse<Failure: Error>(
    _ bytes: [UInt8], timeLimit: Duration,
    keepingCodeBlocks keepsCodeBlock: @escaping CodeBlockFilter = { _ in true },
    meanwhile: () throws(Failure) -> Void = {}
  ) throws(Failure) -> CmarkParse? {
    let (seconds, attoseconds) = timeLimit.components
    let nanoseconds =
      min(max(0, seconds), 1 << 32) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
    let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: nanoseconds))
    // A queue of its own (serial, so overcommitting): it gets a thread even when parses given
    // up hold the shared ones.
    let parse = BackgroundWork(on: DispatchQueue(label: "carnet.cmark-parse")) {
      Cmark.parse(utf8: bytes, keepingCodeBlocks: keepsCodeBlock)
    }
    try meanwhile()
    return parse.wait(until: deadline)
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
    var blockStartLines: [Int] = []

    init(_ root: OpaquePointer) {
      var pending: [OpaquePointer] = []
      var inOrder = true  // blocks come in document order: this is only a safeguard
      defer { if !inOrder { blockStartLines.sort() } }
      var child = cmark_node_first_child(root)
      while true {
        guard let node = child else {
          guard let next = pending.popLast() else { break }
          child = next
          continue
        }
        let type = cmark_node_get_type(node)
        let line = Int(cmark_node_get_start_line(node))
        if let last = blockStartLines.last, line < last { inOrder = false }
        if blockStartLines.last != line { blockStartLines.append(line) }
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
  ///
  /// The document's blocks are rendered a batch at a time (`renderBatch`), each batch appended to
  /// `output` as soon as cmark wrote it, so that cmark never holds the whole page. A replaced
  /// block of the document itself is written as it is given; one inside a container (a list, a
  /// quote) goes into a custom block while its batch is rendered.
  fileprivate static func renderHTML(
    _ tree: borrowing CmarkTree, safe: Bool, appendingTo output: inout [UInt8],
    replacingCodeBlocks replacement: (CodeBlockInRender) -> [UInt8]?
  ) {
    // Since cmark 0.29, safe rendering is the default and CMARK_OPT_UNSAFE turns it off.
    let options = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
    let root = tree.root
    let codeBlocks = tree.codeBlocks
    var next = 0  // the first code block not yet met, in document order
    var batch: [OpaquePointer] = []
    var replaced: [(block: OpaquePointer, custom: OpaquePointer)] = []
    func flush() {
      renderBatch(batch, of: root, options: options, to: &output)
      for (block, custom) in replaced {
        cmark_node_replace(custom, block)
        cmark_node_free(custom)
      }
      batch.removeAll(keepingCapacity: true)
      replaced.removeAll(keepingCapacity: true)
    }
    var child = cmark_node_first_child(root)
    while let block = child {
      child = cmark_node_next(block)
      if next < codeBlocks.count, codeBlocks[next] == block {
        next += 1
        if let html = replacement(CodeBlockInRender(node: block)) {
          flush()
          output.append(contentsOf: html)
          continue
        }
      } else {
        while next < codeBlocks.count, documentChild(holding: codeBlocks[next]) == block {
          defer { next += 1 }
          guard let html = replacement(CodeBlockInRender(node: codeBlocks[next])) else { continue }
          if let custom = customBlock(replacing: codeBlocks[next], html: html) {
            replaced.append((codeBlocks[next], custom))
          }
        }
      }
      batch.append(block)
      if batch.count == batchSize { flush() }
    }
    flush()
  }

  /// How many blocks of a document cmark renders at once: enough that a call's own cost does not
  /// count (a 5 MB lesson has 35,000 blocks), few enough that its output stays small.
  private static let batchSize = 128

  /// Appends cmark's HTML of `blocks`, consecutive children of `root`: moved under a document
  /// of their own for one call, then put back where they were. cmark renders blocks there as in
  /// the whole document (every block's HTML ends with a line break, so nothing joins them).
  private static func renderBatch(
    _ blocks: [OpaquePointer], of root: OpaquePointer, options: Int32, to output: inout [UInt8]
  ) {
    guard let last = blocks.last else { return }
    let after = cmark_node_next(last)
    // Made with the tree's allocator, which cmark then writes the batch's HTML with (and
    // `append` frees it with).
    guard let document = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, cmarkMemory) else {
      for block in blocks { append(block, options: options, to: &output) }
      return
    }
    var moved = 0
    while moved < blocks.count, cmark_node_append_child(document, blocks[moved]) == 1 { moved += 1 }
    if moved == blocks.count { append(document, options: options, to: &output) }
    var restored = 0
    for block in blocks[..<moved] {
      let back = after.map { cmark_node_insert_before($0, block) }
      restored += Int(back ?? cmark_node_append_child(root, block))
    }
    // Freeing the document frees what it still holds: never a block of the tree.
    if restored == moved { cmark_node_free(document) }
    if moved < blocks.count {
      for block in blocks { append(block, options: options, to: &output) }
    }
  }

  /// The block of the document (a child of its root) that holds `node`, or `node` itself.
  private static func documentChild(holding node: OpaquePointer) -> OpaquePointer {
    var node = node
    while let parent = cmark_node_parent(node), cmark_node_parent(parent) != nil { node = parent }
    return node
  }

  /// Appends cmark's HTML of `node` and what it holds.
  private static func append(_ node: OpaquePointer, options: Int32, to output: inout [UInt8]) {
    // The tree's allocator gives the output: outside a parse, it is malloc'd and freed here.
    guard let html = cmark_render_html(node, options) else { return }
    defer { cmarkMemory.pointee.free(html) }
    let start = UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self)
    output.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(html)))
  }

  /// Puts in place of `node` a custom block whose HTML is `html` (cmark writes it as is, in safe
  /// mode too), leaving `node` out of the tree but not freed; nil when cmark refuses.
  private static func customBlock(replacing node: OpaquePointer, html: [UInt8]) -> OpaquePointer? {
    guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
    let terminated = html + [0]
    let copied = terminated.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { characters in
        characters.baseAddress.map { cmark_node_set_on_enter(custom, $0) } ?? 0
      }
    }
    guard copied == 1, cmark_node_replace(node, custom) == 1 else {
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

/// cmark's tree of a document, with its code block nodes in document order; freed with it, by
/// freeing the arena its nodes were made in (no walk of the tree, no `free` per node).
/// Unchecked: its nodes are only read or changed under its document's lock.
private struct CmarkTree: ~Copyable, @unchecked Sendable {
  let root: OpaquePointer
  let codeBlocks: [OpaquePointer]
  let arena: UnsafeMutablePointer<CmarkArena>

  deinit { CmarkArena.free(arena) }
}

/// The allocator cmark parses with (`cmark_parser_new_with_mem`): small blocks are carved from
/// large zeroed slabs of the current thread's arena and never freed one by one, the arena being
/// freed whole with its document; blocks of `largeSize` or more, and every block asked for
/// outside a parse (when rendering), are malloc'd and freed one by one as cmark frees them.
/// cmark's allocator takes no context, hence the thread's current arena.
///
/// Every block is preceded by a word, its size shifted left by one, the low bit set for a
/// malloc'd block, which is itself preceded by the arena it is listed in (nil when none).
/// Blocks are 8-byte aligned, which is all cmark's structures need.
private struct CmarkArena {
  static let slabSize = 1 << 20
  static let largeSize = 16 << 10

  private var slab: UnsafeMutableRawPointer?
  private var used = 0
  private var capacity = 0
  /// The last block carved, which can grow in place.
  private var last: UnsafeMutableRawPointer?
  private var slabs: [UnsafeMutableRawPointer] = []
  /// The malloc'd blocks (their bases) not yet freed, freed with the arena.
  private var large: Set<UnsafeMutableRawPointer> = []
  /// The carved blocks cmark freed, by size in words, each holding the next one of its size:
  /// carved again before the slab is (cmark frees a good part of what it parses with).
  private var freed = [UnsafeMutableRawPointer?](repeating: nil, count: largeSize / 8 + 1)

  static func make() -> UnsafeMutablePointer<CmarkArena> {
    let arena = UnsafeMutablePointer<CmarkArena>.allocate(capacity: 1)
    arena.initialize(to: CmarkArena())
    return arena
  }

  static func free(_ arena: UnsafeMutablePointer<CmarkArena>) {
    for block in arena.pointee.large { freeMemory(block) }
    for slab in arena.pointee.slabs { freeMemory(slab) }
    arena.deinitialize(count: 1)
    arena.deallocate()
  }

  /// Runs `body` with `arena` as the current thread's arena.
  static func using<Result>(
    _ arena: UnsafeMutablePointer<CmarkArena>, _ body: () -> Result
  ) -> Result {
    let previous = pthread_getspecific(currentKey)
    pthread_setspecific(currentKey, arena)
    defer { pthread_setspecific(currentKey, previous) }
    return body()
  }

  private static var current: UnsafeMutablePointer<CmarkArena>? {
    pthread_getspecific(currentKey)?.assumingMemoryBound(to: CmarkArena.self)
  }

  /// `size` zeroed bytes.
  static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
    guard size < largeSize, let arena = current else {
      return allocateLarge(size, in: current)
    }
    return arena.pointee.carve(size)
  }

  /// `size` zeroed bytes from this arena's slabs.
  private mutating func carve(_ size: Int) -> UnsafeMutableRawPointer {
    let rounded = max(8, (size + 7) & ~7)
    if let block = freed[rounded / 8] {
      freed[rounded / 8] = block.load(as: UnsafeMutableRawPointer?.self)
      block.initializeMemory(as: UInt8.self, repeating: 0, count: rounded)
      return block
    }
    if used + 8 + rounded > capacity {
      guard let fresh = calloc(1, Self.slabSize) else { fatalError("cmark: out of memory") }
      slabs.append(fresh)
      (slab, used, capacity) = (fresh, 0, Self.slabSize)
    }
    guard let slab else { fatalError("cmark: out of memory") }
    let block = slab + used + 8
    block.storeBytes(of: UInt(rounded) << 1, toByteOffset: -8, as: UInt.self)
    used += 8 + rounded
    last = block
    return block
  }

  private static func allocateLarge(
    _ size: Int, in arena: UnsafeMutablePointer<CmarkArena>?
  ) -> UnsafeMutableRawPointer {
    guard let base = calloc(1, size + 16) else { fatalError("cmark: out of memory") }
    return listLarge(base, size: size, in: arena)
  }

  /// Writes the header of a malloc'd block at `base` and lists it in `arena`.
  private static func listLarge(
    _ base: UnsafeMutableRawPointer, size: Int, in arena: UnsafeMutablePointer<CmarkArena>?
  ) -> UnsafeMutableRawPointer {
    base.storeBytes(of: arena.map(UnsafeMutableRawPointer.init), as: UnsafeMutableRawPointer?.self)
    base.storeBytes(of: UInt(size) << 1 | 1, toByteOffset: 8, as: UInt.self)
    arena?.pointee.large.insert(base)
    return base + 16
  }

  private static func header(_ block: UnsafeMutableRawPointer) -> (size: Int, isLarge: Bool) {
    let word = block.load(fromByteOffset: -8, as: UInt.self)
    return (Int(word >> 1), word & 1 == 1)
  }

  /// Unlists a malloc'd block from its arena and gives its base.
  private static func unlist(_ block: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
    let base = block - 16
    let arena = base.load(as: UnsafeMutableRawPointer?.self)
    arena?.assumingMemoryBound(to: CmarkArena.self).pointee.large.remove(base)
    return base
  }

  static func reallocate(_ block: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer
  {
    guard let block else { return allocate(size) }
    let (old, isLarge) = header(block)
    if isLarge {
      let arena = (block - 16).load(as: UnsafeMutableRawPointer?.self)
      let base = unlist(block)
      guard let moved = realloc(base, size + 16) else { fatalError("cmark: out of memory") }
      return listLarge(
        moved, size: size, in: arena?.assumingMemoryBound(to: CmarkArena.self))
    }
    if size <= old { return block }
    if size < largeSize, let arena = current, arena.pointee.last == block,
      arena.pointee.used + ((size + 7) & ~7) - old <= arena.pointee.capacity
    {
      let rounded = (size + 7) & ~7
      arena.pointee.used += rounded - old
      block.storeBytes(of: UInt(rounded) << 1, toByteOffset: -8, as: UInt.self)
      return block
    }
    let moved = allocate(size)
    moved.copyMemory(from: block, byteCount: old)
    free(block: block)
    return moved
  }

  static func free(block: UnsafeMutableRawPointer?) {
    guard let block else { return }
    let (size, isLarge) = header(block)
    if isLarge { return freeMemory(unlist(block)) }
    // Outside a parse (a render), a carved block is left to its arena.
    guard let arena = current else { return }
    block.storeBytes(of: arena.pointee.freed[size / 8], as: UnsafeMutableRawPointer?.self)
    arena.pointee.freed[size / 8] = block
  }
}

/// The C library's `free`, out of the reach of `CmarkArena.free`'s name.
private func freeMemory(_ pointer: UnsafeMutableRawPointer) { free(pointer) }

/// The thread's current `CmarkArena`.
private let currentKey: pthread_key_t = {
  var key = pthread_key_t()
  guard pthread_key_create(&key, nil) == 0 else { fatalError("cmark: no thread-local key") }
  return key
}()

/// cmark's allocator for the documents Carnet parses (see `CmarkArena`).
nonisolated(unsafe) private let cmarkMemory: UnsafeMutablePointer<cmark_mem> = {
  let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
  memory.initialize(
    to: cmark_mem(
      calloc: { count, size in
        let (total, overflow) = Int(count).multipliedReportingOverflow(by: Int(size))
        guard !overflow else { fatalError("cmark: out of memory") }
        return CmarkArena.allocate(total)
      },
      realloc: { block, size in CmarkArena.reallocate(block, Int(size)) },
      free: { block in CmarkArena.free(block: block) }))
  return memory
}()

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
  /// replace any code block (fenced or indented) by its own HTML, written as is, in safe mode
  /// too (in a container, through a cmark custom block); everything else is rendered by cmark,
  /// a batch of blocks at a time. `safe` omits raw HTML and dangerous links (`javascript:` and the like), as cmark
  /// does by default. Linear in the size of the document.
  /// The HTML is appended to `output` (the page being built, so that it is not copied again).
  package func renderHTML(
    safe: Bool, appendingTo output: inout [UInt8],
    replacingCodeBlocks replacement: (CodeBlockInRender) -> [UInt8]?
  ) {
    tree.withLock { tree in
      Cmark.renderHTML(tree, safe: safe, appendingTo: &output, replacingCodeBlocks: replacement)
    }
  }

  /// The document as an HTML fragment, every block rendered by cmark.
  package func renderHTML(safe: Bool) -> String {
    var html: [UInt8] = []
    renderHTML(safe: safe, appendingTo: &html) { _ in nil }
    return String(decoding: html, as: UTF8.self)
  }
}

/// A code block met while `MarkdownDocument.renderHTML` renders: the line it starts on, and its
/// info string and code, read from cmark's node only when asked (a renderer reads the code of
/// few blocks). Valid only during the call that hands it over.
package struct CodeBlockInRender {
  fileprivate let node: OpaquePointer

  /// cmark's `start_line`: the opening fence's line (1-based).
  package var startLine: Int { Int(cmark_node_get_start_line(node)) }
  /// The info string (empty for indented blocks).
  package var info: String { cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "" }
  /// The code, with container prefixes and fence indentation removed.
  package var literal: String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
}

/// What one parse of a lesson gives: the document, and what the lesson parser reads once.
struct CmarkParse: Sendable {
  /// The document, kept for rendering.
  var document: MarkdownDocument
  /// The code blocks, fenced or indented, that the parse was asked to keep, in document order.
  var codeBlocks: [CmarkCodeBlock]
  /// The lines on which a block (other than the document itself) starts, in increasing order
  /// (blocks are walked in document order).
  var blockStartLines: [Int]
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

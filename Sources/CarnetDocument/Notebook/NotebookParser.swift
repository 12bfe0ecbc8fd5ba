#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a lesson: finds its cells (fenced blocks tagged `swift cell=ID`) and where they sit.
public enum NotebookParser {
  /// How long cmark may take to parse one lesson before the lesson is refused. cmark 0.30 takes
  /// time quadratic in the length of some inputs (160,000 image openers `![` take it minutes);
  /// ordinary lessons parse in milliseconds (a 50 MB one in about a second).
  public static let parseTimeLimit: Duration = .seconds(10)

  /// Parses a lesson's raw bytes, read from `path`.
  ///
  /// - Throws: `InputError` with every problem in the file: bytes that are not UTF-8, a NUL
  ///   byte, malformed cell tags, cells without a closing fence; or, when cmark has not parsed
  ///   it within `timeLimit`, that (naming the likely cause).
  package static func parse(
    bytes: [UInt8], path: String, timeLimit: Duration = parseTimeLimit
  ) throws(InputError) -> Notebook {
    // The one parse of the lesson's Markdown (its cells now, its web page later), on a thread of
    // its own, while this one checks the bytes and splits the lines. Bytes that cannot be a
    // lesson are refused as they would be before any parse: the parse is given up.
    var lines: TextLines?
    let parsed = try Cmark.parse(
      bytes, timeLimit: timeLimit, keepingCodeBlocks: CellTag.mayTagCell
    ) { () throws(InputError) in
      try validate(bytes, path: path)
      lines = TextLines(bytes)
    }
    guard let parsed else {
      throw InputError(tooSlow(bytes, path: path, timeLimit: timeLimit))
    }
    let textLines = lines ?? TextLines(bytes)
    let blocks = try blocks(parsed.fencedCodeBlocks(in: textLines), in: textLines, path: path)
    return Notebook(
      path: path, name: name(ofPath: path), utf8: bytes, cells: blocks.cells,
      declarations: blocks.declarations, markdown: parsed.document)
  }

  /// Checks that a lesson's raw bytes, read from `path`, can be a lesson: valid UTF-8 without
  /// NUL bytes. Nothing is copied (the bytes are the lesson's text).
  package static func validate(_ bytes: [UInt8], path: String) throws(InputError) {
    if let offset = firstNUL(in: bytes) {
      throw InputError(
        Diagnostic(
          path: path, line: TextLines(bytes).lineNumber(ofOffset: offset),
          message: "binary file (NUL byte at offset \(offset))"))
    }
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      throw InputError(
        Diagnostic(
          path: path, line: TextLines(bytes).lineNumber(ofOffset: offset),
          message: "not valid UTF-8 (first bad byte at offset \(offset))"))
    }
  }

  /// The offset of the first NUL byte, found by `memchr` (a lesson of 5 MB has none, and a
  /// generic search takes milliseconds to tell).
  private static func firstNUL(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else {
        return nil
      }
      return base.distance(to: UnsafeRawPointer(found))
    }
  }

  /// Parses a lesson's text, read from `path`.
  ///
  /// - Throws: `InputError` with every problem in the file: a NUL character, malformed cell
  ///   tags, cells without a closing fence; or, when cmark has not parsed it within
  ///   `timeLimit`, that.
  package static func parse(
    text: String, path: String, timeLimit: Duration = parseTimeLimit
  ) throws(InputError) -> Notebook {
    try parse(bytes: Array(text.utf8), path: path, timeLimit: timeLimit)
  }

  /// The refusal of a lesson that cmark did not parse within `timeLimit`, naming what cmark is
  /// known to be slow on when the lesson has it.
  private static func tooSlow(_ bytes: [UInt8], path: String, timeLimit: Duration) -> Diagnostic {
    let limit = timeLimit.secondsText(minimumDecimals: 0, unit: " s")
    var openers = 0
    var first: Int?
    for index in bytes.indices.dropLast()
    where bytes[index] == UInt8(ascii: "!") && bytes[index + 1] == UInt8(ascii: "[") {
      openers += 1
      if first == nil { first = index }
    }
    let cause: String
    if let first, openers >= 1000 {
      cause =
        "it holds \(openers) image openers '![' (the first on line"
        + " \(TextLines(bytes).lineNumber(ofOffset: first))), and cmark 0.30 takes time quadratic"
        + " in their number within a paragraph; split them into shorter paragraphs or escape"
        + " them ('\\![')"
    } else {
      cause =
        "cmark takes time quadratic in the length of some inputs (long runs of unmatched"
        + " brackets or delimiters); shorten or split what it is stuck on"
    }
    return Diagnostic(
      path: path, message: "cmark could not parse this lesson within \(limit): \(cause)")
  }

  /// The lesson's name: the last path component, without a `.md` extension.
  package static func name(ofPath path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    guard file.hasSuffix(".md"), file.count > 3 else { return file }
    return String(file.dropLast(3))
  }

  /// The cells and the shared blocks among the fenced blocks, each in document order.
  private static func blocks(
    _ fencedBlocks: [FencedCodeBlock], in lines: TextLines, path: String
  ) throws(InputError) -> (cells: [Cell], declarations: [Cell]) {
    var cells: [Cell] = []
    var declarations: [Cell] = []
    var diagnostics: [Diagnostic] = []
    var firstLineOfID: [String: Int] = [:]
    for block in fencedBlocks {
      let location = SourceLocation(line: block.startLine, column: block.startColumn)
      let tag: CellTag
      do {
        guard let parsed = try CellTag.parse(block.info) else { continue }
        tag = parsed
      } catch {
        for message in error.messages {
          diagnostics.append(Diagnostic(path: path, location: location, message: message))
        }
        if !block.isClosed {
          diagnostics.append(unclosed(error.id, at: location, path: path))
        }
        continue
      }
      if let first = firstLineOfID[tag.id] {
        diagnostics.append(
          Diagnostic(
            path: path, location: location,
            message: "cell ID '\(tag.id)' is used twice in this lesson (first at line \(first))"))
      }
      firstLineOfID[tag.id] = firstLineOfID[tag.id] ?? block.startLine
      guard let layout = CellLayout(block: block, lines: lines) else {
        diagnostics.append(unclosed(tag.id, at: location, path: path))
        continue
      }
      let cell = Cell(
        id: tag.id, options: tag.options, code: block.literal, location: location,
        firstCodeLine: block.startLine + 1, layout: layout,
        codeIndentation: codeIndentation(of: block, in: lines))
      if tag.options.isShared { declarations.append(cell) } else { cells.append(cell) }
    }
    guard diagnostics.isEmpty else { throw InputError(diagnostics) }
    return (cells, declarations)
  }

  /// The bytes before the code on its lines in the text (container markers, indentation): the
  /// smallest over the lines that are not blank and that end with their line of code.
  private static func codeIndentation(of block: FencedCodeBlock, in lines: TextLines) -> Int {
    var literal = block.literal
    return literal.withUTF8 { code in
      lines.bytes.withUnsafeBufferPointer { text in
        var smallest: Int?
        var number = block.startLine + 1
        var start = 0
        // Each line of code, split at `\n` (the last one is what follows the last `\n`).
        while start <= code.count {
          let end = code[start...].firstIndex(of: UInt8(ascii: "\n")) ?? code.count
          defer {
            start = end + 1
            number += 1
          }
          let line = code[start..<end]
          guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }), let raw = lines[number]
          else { continue }
          let rawCount = raw.contentEnd - raw.start
          guard rawCount >= line.count,
            text[(raw.contentEnd - line.count)..<raw.contentEnd].elementsEqual(line)
          else { continue }
          smallest = min(smallest ?? .max, rawCount - line.count)
        }
        return smallest ?? 0
      }
    }
  }

  private static func unclosed(_ id: String?, at location: SourceLocation, path: String)
    -> Diagnostic
  {
    let cell = id.map { "cell '\($0)'" } ?? "cell"
    return Diagnostic(path: path, location: location, message: "\(cell) has no closing fence")
  }
}

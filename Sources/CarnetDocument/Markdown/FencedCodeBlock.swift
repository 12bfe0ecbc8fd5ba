/// A fenced code block as cmark parsed it, with where its fences sit in the text.
///
/// Lines are 1-based; columns are 1-based and count UTF-8 bytes from the start of the line (on
/// line 1, from the byte after a byte order mark), as cmark counts them.
struct FencedCodeBlock: Hashable, Sendable {
  /// The info string after the opening fence, as cmark reports it: trimmed, with backslash
  /// escapes and entities resolved.
  var info: String
  /// The code between the fences, with container prefixes and the fence's indentation removed;
  /// every line ends in `\n`.
  var literal: String
  /// The opening fence's line (cmark's `start_line`).
  var startLine: Int
  /// The column of the opening fence's first character (cmark's `start_column`).
  var startColumn: Int
  /// cmark's `end_line`: the closing fence's line; but when the block has no closing fence,
  /// the line that ended its container, or the document's last line.
  var endLine: Int
  /// cmark's `end_column`.
  var endColumn: Int
  /// The fence character: a backtick or a tilde.
  var fenceCharacter: Character
  /// How many fence characters the opening fence has (3 or more).
  var fenceLength: Int
  /// Where the block's own closing fence starts (its first fence character), or nil when the
  /// block was ended by the end of its container or of the document.
  var closingFence: SourceLocation?

  /// Whether the block ends with a closing fence of its own.
  var isClosed: Bool { closingFence != nil }
}

extension FencedCodeBlock {
  /// Reads the fences of a code block from the raw text; nil for an indented code block.
  init?(cmark block: CmarkCodeBlock, lines: TextLines, blockStartLines: [Int]) {
    guard let opening = lines[block.startLine] else { return nil }
    let text = lines.content(of: opening)
    let fenceStart = text.startIndex + block.startColumn - 1
    guard text.indices.contains(fenceStart) else { return nil }
    let character = text[fenceStart]
    guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
    let length = text[fenceStart...].prefix { $0 == character }.count
    guard length >= 3 else { return nil }
    // An indented block's code starts at its start column, so its first line of code is the rest
    // of that line. A fenced block's first line of code can never be: with an info string it
    // cannot be indented, and without one, such a line would close the fence.
    if block.info.isEmpty, Self.firstLine(of: block.literal, isEqualTo: text[fenceStart...]) {
      return nil
    }
    self.init(
      info: block.info, literal: block.literal, startLine: block.startLine,
      startColumn: block.startColumn, endLine: block.endLine, endColumn: block.endColumn,
      fenceCharacter: Character(Unicode.Scalar(character)), fenceLength: length,
      closingFence: nil)
    closingFence = closingFence(in: lines, blockStartLines: blockStartLines)
  }

  /// Where the closing fence starts, when cmark's end line is this block's own closing fence.
  ///
  /// cmark reports as end line either the closing fence's line, or (when a container or the
  /// document ended the block) the line after the code or the last line. The closing fence's
  /// line holds no code, belongs to no other block, and ends in enough fence characters.
  private func closingFence(in lines: TextLines, blockStartLines: [Int]) -> SourceLocation? {
    guard endLine > startLine, Self.lineCount(literal) == endLine - startLine - 1,
      !Self.sorted(blockStartLines, contains: endLine), let line = lines[endLine]
    else { return nil }
    let text = lines.content(of: line)
    let fence = fenceCharacter.asciiValue
    let trimmed = text.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    let run = trimmed.prefix { $0 == fence }.count
    guard run >= min(fenceLength, 255) else { return nil }
    return SourceLocation(line: endLine, column: trimmed.count - run + 1)
  }

  /// Whether the first line of `literal`, as `literal.split(separator: "\n",
  /// omittingEmptySubsequences: false)[0]` gives it (a `\r\n` is one `Character`), is the
  /// string `bytes` holds, compared as strings are (canonical equivalence) when the bytes differ.
  private static func firstLine(of literal: String, isEqualTo bytes: ArraySlice<UInt8>) -> Bool {
    let utf8 = literal.utf8
    var end = utf8.startIndex
    var previous: UInt8 = 0
    while end != utf8.endIndex, utf8[end] != UInt8(ascii: "\n") || previous == UInt8(ascii: "\r") {
      previous = utf8[end]
      end = utf8.index(after: end)
    }
    let line = utf8[..<end]
    if line.elementsEqual(bytes) { return true }
    // Different bytes can still be equal strings, unless both are ASCII.
    guard line.contains(where: { $0 >= 0x80 }) || bytes.contains(where: { $0 >= 0x80 }) else {
      return false
    }
    return Substring(line) == String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `numbers`, in increasing order, hold `number`.
  private static func sorted(_ numbers: [Int], contains number: Int) -> Bool {
    var low = 0
    var high = numbers.count
    while low < high {
      let middle = (low + high) / 2
      if numbers[middle] < number { low = middle + 1 } else { high = middle }
    }
    return low < numbers.count && numbers[low] == number
  }

  /// The number of lines in a text where a line ends in `\n`, `\r\n` or `\r`, and a last line
  /// without an ending counts too.
  private static func lineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 0
      var previous: UInt8 = 0
      for byte in bytes {
        let crlf = previous == UInt8(ascii: "\r") && byte == UInt8(ascii: "\n")
        if !crlf && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { count += 1 }
        previous = byte
      }
      let unended =
        !bytes.isEmpty && previous != UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")
      return count + (unended ? 1 : 0)
    }
  }
}

extension CmarkParse {
  /// The fenced code blocks among the parse's code blocks, with their fences read from `lines`,
  /// the parsed text's lines.
  func fencedCodeBlocks(in lines: TextLines) -> [FencedCodeBlock] {
    codeBlocks.compactMap {
      FencedCodeBlock(cmark: $0, lines: lines, blockStartLines: blockStartLines)
    }
  }
}

extension CellLayout {
  /// The layout of a fenced block in the text's bytes; nil when the block has no closing fence.
  init?(block: FencedCodeBlock, lines: TextLines) {
    guard let closing = block.closingFence, let openingLine = lines[block.startLine],
      let closingLine = lines[closing.line]
    else { return nil }
    let opening = lines.content(of: openingLine).prefix(block.startColumn - 1)
    let closingText = lines.content(of: closingLine).prefix(closing.column - 1)
    let ending = lines.ending(of: closingLine)
    let lineEnding = ending.isEmpty ? lines.firstLineEnding ?? Array("\n".utf8)[...] : ending
    self.init(
      blockStart: openingLine.start,
      blockEnd: closingLine.end,
      openingPrefix: Self.text(opening),
      closingPrefix: Self.text(closingText),
      lineEnding: Self.text(lineEnding),
      closingFenceAtEndOfFile: ending.isEmpty)
  }

  /// The bytes as a string, without decoding the common cases (no prefix, `\n`, `\r\n`).
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    switch bytes.count {
    case 0: return ""
    case 1 where bytes.first == UInt8(ascii: "\n"): return "\n"
    case 2 where bytes.elementsEqual([UInt8(ascii: "\r"), UInt8(ascii: "\n")]): return "\r\n"
    default: return String(decoding: bytes, as: UTF8.self)
    }
  }
}

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
      openingPrefix: String(decoding: opening, as: UTF8.self),
      closingPrefix: String(decoding: closingText, as: UTF8.self),
      lineEnding: String(decoding: lineEnding, as: UTF8.self),
      closingFenceAtEndOfFile: ending.isEmpty)
  }
}

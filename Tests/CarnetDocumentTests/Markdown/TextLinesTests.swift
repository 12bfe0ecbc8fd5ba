import Testing

@testable import CarnetDocument

@Suite("Markdown: TextLines") struct TextLinesTests {
  /// The lines as a reader splits them, one byte at a time: what `TextLines` must give.
  private func splitByHand(_ bytes: [UInt8]) -> [(content: [UInt8], ending: [UInt8])] {
    var lines: [(content: [UInt8], ending: [UInt8])] = []
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var content: [UInt8] = []
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == 10:
        lines.append((content, [13, 10]))
        content = []
        index += 2
      case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
        lines.append((content, [bytes[index]]))
        content = []
        index += 1
      default:
        content.append(bytes[index])
        index += 1
      }
    }
    if !content.isEmpty { lines.append((content, [])) }
    return lines
  }

  @Test(arguments: [
    "", "a", "a\n", "a\nb", "\n\n", "a\r\nb\rc\n", "\r\r\n\r", "a\r", "\u{FEFF}x\ny",
    "\u{FEFF}", "\u{FEFF}\n", "é\r\n\r\nà", "un\n\ndeux\r\n  trois \r",
  ])
  func linesAreSplitAtEveryEnding(_ text: String) throws {
    let bytes = Array(text.utf8)
    let lines = TextLines(bytes)
    let expected = splitByHand(bytes)
    #expect(lines.count == expected.count)
    for (number, line) in expected.enumerated() {
      let found = try #require(lines[number + 1])
      #expect(Array(lines.content(of: found)) == line.content, "line \(number + 1)")
      #expect(Array(lines.ending(of: found)) == line.ending, "line \(number + 1)")
    }
    #expect(lines[0] == nil)
    #expect(lines[expected.count + 1] == nil)
  }

  @Test func offsetsGiveTheLineHoldingThem() {
    let lines = TextLines(Array("ab\r\ncd\n\nef".utf8))
    let numbers = (0..<11).map { lines.lineNumber(ofOffset: $0) }
    #expect(numbers == [1, 1, 1, 1, 2, 2, 2, 3, 4, 4, 4])
    #expect(lines.firstLineEnding.map(Array.init) == [13, 10])
    #expect(TextLines(Array("sans fin".utf8)).firstLineEnding == nil)
  }
}

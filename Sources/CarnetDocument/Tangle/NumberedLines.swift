/// The lines of a generated file, each set by its 1-based number; lines never set are blank. The
/// bytes are kept joined (`\n` between lines, none after the last), so setting lines in
/// increasing order, as the tangle does, only appends.
struct NumberedLines {
  /// The lines joined with `\n`.
  private(set) var bytes: [UInt8] = []
  /// Where each line starts in `bytes`.
  private var starts: [Int] = []

  /// How many lines there are.
  var count: Int { starts.count }

  /// Whether line 1 is blank (or there is none).
  var isFirstLineBlank: Bool { count < 2 ? bytes.isEmpty : starts[1] == 1 }

  /// Sets line `number` to `indentation` spaces then `text`, adding blank lines before it when
  /// there are fewer.
  mutating func set<Text: Collection<UInt8>>(_ number: Int, _ text: Text, indentation: Int = 0) {
    precondition(number >= 1, "line numbers start at 1")
    while starts.count < number {
      if !starts.isEmpty { bytes.append(UInt8(ascii: "\n")) }
      starts.append(bytes.count)
    }
    let index = number - 1
    let start = starts[index]
    let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
    let spaces = repeatElement(UInt8(ascii: " "), count: indentation)
    if end == bytes.count {
      bytes.removeSubrange(start...)
      bytes.append(contentsOf: spaces)
      bytes.append(contentsOf: text)
      return
    }
    let line = Array(spaces) + text
    bytes.replaceSubrange(start..<end, with: line)
    let shift = line.count - (end - start)
    for later in starts.indices.dropFirst(number) { starts[later] += shift }
  }

  /// Puts `text` before line 1, as the new line 1.
  mutating func insertFirst<Text: Collection<UInt8>>(_ text: Text) {
    let line = Array(text) + (starts.isEmpty ? [] : [UInt8(ascii: "\n")])
    bytes.insert(contentsOf: line, at: 0)
    starts = [0] + starts.map { $0 + line.count }
  }
}

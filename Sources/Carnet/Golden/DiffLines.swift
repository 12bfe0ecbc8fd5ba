/// A text's UTF-8 bytes cut into lines, each line keeping its `\n` (and any `\r` before it).
struct DiffLines {
  /// The text's bytes.
  let bytes: [UInt8]
  /// `starts[i]` is where line `i` begins; `starts[count]` is the end of the text.
  private let starts: [Int]

  /// Cuts `text` at each `\n`; a last line without one is kept.
  init(_ text: String) {
    bytes = Array(text.utf8)
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    if starts.last != bytes.count { starts.append(bytes.count) }
    self.starts = starts
  }

  /// The number of lines.
  var count: Int { starts.count - 1 }

  /// Line `index`, with its line ending.
  subscript(index: Int) -> ArraySlice<UInt8> { bytes[starts[index]..<starts[index + 1]] }

  /// True when line `index` ends with `\n` (only the last line may not).
  func isTerminated(_ index: Int) -> Bool { bytes[starts[index + 1] - 1] == UInt8(ascii: "\n") }
}

/// A line's bytes as a dictionary key, hashed in one pass.
struct DiffLineKey: Hashable {
  /// The line, line ending included.
  let bytes: ArraySlice<UInt8>

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  static func == (lhs: DiffLineKey, rhs: DiffLineKey) -> Bool { lhs.bytes == rhs.bytes }
}

/// The lines of a UTF-8 text, numbered as cmark numbers them.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`. A UTF-8 byte order mark at the very start is not
/// part of line 1 (cmark skips it, and counts line 1's columns from the byte after it).
struct TextLines {
  /// One line's byte range in the text.
  struct Line: Hashable, Sendable {
    /// Offset of the line's first byte.
    var start: Int
    /// Offset just past the line's last byte before its line ending.
    var contentEnd: Int
    /// Offset just past the line ending (equal to `contentEnd` when the line has none).
    var end: Int
  }

  /// The whole text.
  let bytes: [UInt8]
  /// The lines, line 1 first.
  let lines: [Line]

  /// Splits `bytes` into lines.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    lines = bytes.withUnsafeBufferPointer { bytes in
      var lines: [Line] = []
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var index = start
      while index < bytes.count {
        let byte = bytes[index]
        if byte > UInt8(ascii: "\r") {  // most bytes
          index += 1
          continue
        }
        switch byte {
        case UInt8(ascii: "\n"):
          lines.append(Line(start: start, contentEnd: index, end: index + 1))
          index += 1
          start = index
        case UInt8(ascii: "\r"):
          let crlf = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
          let end = index + (crlf ? 2 : 1)
          lines.append(Line(start: start, contentEnd: index, end: end))
          index = end
          start = index
        default:
          index += 1
        }
      }
      if start < bytes.count {
        lines.append(Line(start: start, contentEnd: bytes.count, end: bytes.count))
      }
      return lines
    }
  }

  /// The line with a 1-based number, or nil when there is no such line.
  subscript(number: Int) -> Line? {
    lines.indices.contains(number - 1) ? lines[number - 1] : nil
  }

  /// The bytes of a line, without its line ending.
  func content(of line: Line) -> ArraySlice<UInt8> {
    bytes[line.start..<line.contentEnd]
  }

  /// The line ending of a line: `\n`, `\r\n`, `\r`, or empty for a last line without one.
  func ending(of line: Line) -> ArraySlice<UInt8> {
    bytes[line.contentEnd..<line.end]
  }

  /// The line ending of the first line that has one, if any line does.
  var firstLineEnding: ArraySlice<UInt8>? {
    guard let line = lines.first(where: { $0.end > $0.contentEnd }) else { return nil }
    return ending(of: line)
  }

  /// The 1-based number of the line holding the byte at `offset` (for an offset inside a line
  /// ending, the line it ends). Offsets at or past the end of the text give the last line.
  func lineNumber(ofOffset offset: Int) -> Int {
    var low = 0
    var high = lines.count
    while low < high {
      let middle = (low + high) / 2
      if lines[middle].end <= offset { low = middle + 1 } else { high = middle }
    }
    return max(1, min(low + 1, lines.count))
  }
}

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
  /// Where line 1 starts: after a byte order mark, if any.
  private let firstStart: Int
  /// Where each line ends, past its line ending, line 1 first: one word per line (a lesson of
  /// 5 MB has over 100,000 lines), the other offsets read from the bytes.
  private let ends: [Int]

  /// Splits `bytes` into lines.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    let firstStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    self.firstStart = firstStart
    ends = bytes.withUnsafeBufferPointer { bytes in
      var ends: [Int] = []
      var index = firstStart
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte > UInt8(ascii: "\r") { continue }  // most bytes
        switch byte {
        case UInt8(ascii: "\n"):
          ends.append(index)
        case UInt8(ascii: "\r"):
          if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
          ends.append(index)
        default:
          break
        }
      }
      if ends.last ?? firstStart < bytes.count { ends.append(bytes.count) }
      return ends
    }
  }

  /// How many lines the text has.
  var count: Int { ends.count }

  /// The line with a 1-based number, or nil when there is no such line.
  subscript(number: Int) -> Line? {
    guard ends.indices.contains(number - 1) else { return nil }
    let start = number == 1 ? firstStart : ends[number - 2]
    let end = ends[number - 1]
    var contentEnd = end
    if contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\n") { contentEnd -= 1 }
    if contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
    return Line(start: start, contentEnd: contentEnd, end: end)
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
    guard let line = self[1], line.end > line.contentEnd else { return nil }
    return ending(of: line)
  }

  /// The 1-based number of the line holding the byte at `offset` (for an offset inside a line
  /// ending, the line it ends). Offsets at or past the end of the text give the last line.
  func lineNumber(ofOffset offset: Int) -> Int {
    var low = 0
    var high = ends.count
    while low < high {
      let middle = (low + high) / 2
      if ends[middle] <= offset { low = middle + 1 } else { high = middle }
    }
    return max(1, min(low + 1, ends.count))
  }
}

/// Text as Jupyter notebooks hold it.
enum IpynbText {
  /// The lines of `text`, each with its line ending, split as nbformat splits a cell's source
  /// and a stream's text (Python's `str.splitlines(True)`): at `\n`, `\r\n`, `\r`, and also
  /// U+000B, U+000C, U+001C, U+001D, U+001E, U+0085, U+2028 and U+2029. Joined, they are
  /// `text` again; the empty text has no lines.
  static func lines(_ text: String) -> [String] {
    var lines: [String] = []
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      var index = 0
      while index < bytes.count {
        guard let end = lineBreakEnd(in: bytes, at: index) else {
          index += 1
          continue
        }
        lines.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        start = end
        index = end
      }
      if start < bytes.count {
        lines.append(
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
      }
    }
    return lines
  }

  /// `text` with `\r\n` and lone `\r` line endings turned into `\n`.
  static func normalizingLineEndings(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\r") {
        previous = byte
        continue
      }
      out.append(byte == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : byte)
      previous = byte
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` without its leading blank lines (spaces and tabs only) and its trailing spaces,
  /// tabs and line endings; empty when it holds only those. Lines are `\n`-terminated.
  static func trimmingBlankLines(_ text: String) -> String {
    let bytes = Array(text.utf8)
    let isBlank = { (byte: UInt8) in
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }
    guard let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
    var start = 0
    var index = 0
    while index <= last, isBlank(bytes[index]) {
      if bytes[index] == UInt8(ascii: "\n") { start = index + 1 }
      index += 1
    }
    return String(decoding: bytes[start...last], as: UTF8.self)
  }

  /// When a line break starts at `index`, the offset just past it.
  private static func lineBreakEnd(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    switch bytes[index] {
    case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E:
      return index + 1
    case 0x0D:
      return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
    case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
      return index + 2  // U+0085
    case 0xE2
    where index + 2 < bytes.count && bytes[index + 1] == 0x80
      && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
      return index + 3  // U+2028, U+2029
    default:
      return nil
    }
  }
}

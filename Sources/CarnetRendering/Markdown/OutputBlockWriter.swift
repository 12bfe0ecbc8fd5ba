/// Appends fenced blocks to a byte buffer, line by line, each line starting with a container
/// prefix and ending with a fixed line ending.
struct OutputBlockWriter {
  /// The prefix of the very first line written (the opening prefix of a hidden cell).
  private var pendingFirstPrefix: [UInt8]?
  /// The prefix of every other line.
  private let prefix: [UInt8]
  /// The line ending of every line.
  let lineEnding: [UInt8]

  /// Creates a writer whose first line starts with `firstPrefix` and later ones with `prefix`.
  init(firstPrefix: String, prefix: String, lineEnding: String) {
    self.pendingFirstPrefix = Array(firstPrefix.utf8)
    self.prefix = Array(prefix.utf8)
    self.lineEnding = Array(lineEnding.utf8)
  }

  /// Appends `block`: opening fence, content lines (line endings normalised), closing fence.
  mutating func write(_ block: OutputBlock, to out: inout [UInt8]) {
    let fence = OutputFence.backticks(enclosing: block.content)
    startLine(in: &out)
    out.append(contentsOf: fence)
    out.append(contentsOf: block.info.utf8)
    out.append(contentsOf: lineEnding)
    var content = block.content
    content.withUTF8 { writeLines(of: $0, to: &out) }
    startLine(in: &out)
    out.append(contentsOf: fence)
    out.append(contentsOf: lineEnding)
  }

  /// Writes each line of `bytes` (split at `\n`, `\r\n` or a lone `\r`) as a prefixed line.
  private mutating func writeLines(of bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let cr = UInt8(ascii: "\r")
    let lf = UInt8(ascii: "\n")
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == cr || byte == lf else {
        index += 1
        continue
      }
      startLine(in: &out)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]))
      out.append(contentsOf: lineEnding)
      index += (byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf) ? 2 : 1
      lineStart = index
    }
    if lineStart < bytes.count {
      startLine(in: &out)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart...]))
      out.append(contentsOf: lineEnding)
    }
  }

  /// Appends the prefix of the next line.
  private mutating func startLine(in out: inout [UInt8]) {
    if let first = pendingFirstPrefix {
      out.append(contentsOf: first)
      pendingFirstPrefix = nil
    } else {
      out.append(contentsOf: prefix)
    }
  }
}

/// Chooses the backtick fence of an output block so that nothing in its content can close it.
enum OutputFence {
  /// Backticks, as many as `max(3, longest run of backticks in content + 1)`.
  static func backticks(enclosing content: String) -> [UInt8] {
    var longest = 0
    var run = 0
    for byte in content.utf8 {
      if byte == UInt8(ascii: "`") {
        run += 1
        if run > longest { longest = run }
      } else {
        run = 0
      }
    }
    return [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
  }
}

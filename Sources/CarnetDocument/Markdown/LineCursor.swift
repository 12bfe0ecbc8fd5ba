/// A position in one line, moved over container markers (block quotes, list items) the way
/// cmark's block parser moves: `offset` counts bytes, `column` counts columns with tab stops
/// every 4 columns, and a tab may be consumed partly.
struct LineCursor {
  private static let tabStop = 4
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")

  /// The line's bytes, without its line ending.
  let bytes: [UInt8]
  /// Byte offset in the line (0-based).
  private(set) var offset = 0
  /// Column in the line (0-based), tabs expanded.
  private(set) var column = 0

  /// A cursor at the start of a line.
  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The byte offset and column of the first byte at or after the cursor that is not a space or
  /// a tab.
  func firstNonspace() -> (offset: Int, column: Int) {
    var offset = offset
    var column = column
    var charsToTab = Self.tabStop - column % Self.tabStop
    while offset < bytes.count {
      if bytes[offset] == Self.space {
        column += 1
        charsToTab = charsToTab == 1 ? Self.tabStop : charsToTab - 1
      } else if bytes[offset] == Self.tab {
        column += charsToTab
        charsToTab = Self.tabStop
      } else {
        break
      }
      offset += 1
    }
    return (offset, column)
  }

  /// Enters a block quote: up to 3 columns of indentation, `>`, and one optional space or tab.
  /// Returns false when the line does not continue a block quote here.
  mutating func enterBlockQuote() -> Bool {
    let first = firstNonspace()
    guard first.column - column <= 3, byte(at: first.offset) == UInt8(ascii: ">") else {
      return false
    }
    advance(bytes: first.offset + 1 - offset)
    if isSpaceOrTab(byte(at: offset)) { advance(columns: 1) }
    return true
  }

  /// Opens a list item whose marker is the first non-space byte, which must be at `markerOffset`.
  /// Returns the indentation that the item's next lines need (cmark's marker offset + padding).
  mutating func openListItem(markerOffset: Int) -> Int? {
    let first = firstNonspace()
    guard first.offset == markerOffset, let matched = listMarkerLength(at: first.offset) else {
      return nil
    }
    let indent = first.column - column
    advance(bytes: first.offset + matched - offset)
    let saved = self
    while column - saved.column <= 5, isSpaceOrTab(byte(at: offset)) { advance(columns: 1) }
    let spaces = column - saved.column
    if spaces >= 5 || spaces < 1 || byte(at: offset) == nil {
      self = saved
      if spaces > 0 { advance(columns: 1) }
      return indent + matched + 1
    }
    return indent + matched + spaces
  }

  /// Continues a list item whose lines need `width` columns of indentation.
  mutating func continueListItem(width: Int) -> Bool {
    guard firstNonspace().column - column >= width else { return false }
    advance(columns: width)
    return true
  }

  private func byte(at offset: Int) -> UInt8? {
    offset < bytes.count ? bytes[offset] : nil
  }

  private func isSpaceOrTab(_ byte: UInt8?) -> Bool {
    byte == Self.space || byte == Self.tab
  }

  /// The length of a list marker (`-`, `+`, `*`, or 1 to 9 digits and `.` or `)`) at `offset`,
  /// when it is followed by a space, a tab or the end of the line.
  private func listMarkerLength(at offset: Int) -> Int? {
    guard let first = byte(at: offset) else { return nil }
    var length: Int
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
      length = 1
    } else {
      length = 0
      while length < 9, let digit = byte(at: offset + length), (0x30...0x39).contains(digit) {
        length += 1
      }
      let delimiter = byte(at: offset + length)
      guard length > 0, delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else {
        return nil
      }
      length += 1
    }
    let next = byte(at: offset + length)
    return next == nil || isSpaceOrTab(next) ? length : nil
  }

  /// Moves over `count` columns; a tab wider than what is left is consumed partly.
  private mutating func advance(columns count: Int) {
    var count = count
    while count > 0, let byte = byte(at: offset) {
      if byte == Self.tab {
        let charsToTab = Self.tabStop - column % Self.tabStop
        let step = min(count, charsToTab)
        column += step
        if charsToTab <= count { offset += 1 }
        count -= step
      } else {
        offset += 1
        column += 1
        count -= 1
      }
    }
  }

  /// Moves over `count` bytes; a tab moves the column to the next tab stop.
  private mutating func advance(bytes count: Int) {
    var count = count
    while count > 0, let byte = byte(at: offset) {
      column += byte == Self.tab ? Self.tabStop - column % Self.tabStop : 1
      offset += 1
      count -= 1
    }
  }
}

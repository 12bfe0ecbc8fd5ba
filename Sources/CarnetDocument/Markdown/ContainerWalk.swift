/// Finds where the innermost container's content starts on a line, by walking the markers of the
/// block quotes and list items around a block the way cmark does.
struct ContainerWalk {
  /// The text's lines.
  let lines: TextLines

  /// A cursor just past the containers' markers and indentation on a line, or nil when the line
  /// does not continue them as expected.
  func contentStart(line: Int, containers: ArraySlice<MarkdownContainer>) -> LineCursor? {
    guard let range = lines[line] else { return nil }
    var cursor = LineCursor(Array(lines.content(of: range)))
    for index in containers.indices {
      switch containers[index] {
      case .blockQuote:
        guard cursor.enterBlockQuote() else { return nil }
      case .listItem(let itemLine, let column):
        if itemLine == line {
          guard cursor.openListItem(markerOffset: column - 1) != nil else { return nil }
        } else {
          guard itemLine < line,
            var opening = contentStart(line: itemLine, containers: containers[..<index]),
            let width = opening.openListItem(markerOffset: column - 1),
            cursor.continueListItem(width: width)
          else { return nil }
        }
      }
    }
    return cursor
  }
}
